namespace Linkage.Domain.Common;

/// <summary>
/// A resource callers create, edit as a whole and delete: a contact, a company, a file, a record of a custom domain, and the
/// definitions of domains and relationship types. Its writable state is one value, <typeparamref name="TDetails"/>; every
/// change moves the version and is recorded on the resource's own timeline as <c>{subject}.created</c>,
/// <c>{subject}.updated</c> (with the fields that changed) or <c>{subject}.deleted</c>.
/// </summary>
public abstract class VersionedResource<TDetails> : AggregateRoot, ISoftDeletable
    where TDetails : class
{
    protected VersionedResource()
    {
    }

    protected VersionedResource(Guid id, string tenantId, TDetails details, ChangeStamp stamp)
        : base(id, tenantId, stamp)
    {
        Apply(Checked(details));
    }

    /// <summary>The subject type of the resource's timeline (<c>contact</c>), which also prefixes its actions' kinds.</summary>
    protected abstract string Subject { get; }

    /// <summary>Replaces the writable state; records <c>{subject}.updated</c> with the changed fields. Returns false when nothing changed.</summary>
    public bool Update(TDetails details, ChangeStamp stamp)
    {
        var next = Checked(details);
        var changes = new ChangeSet();
        Compare(next, changes);
        if (changes.IsEmpty)
        {
            return false;
        }

        Apply(next);
        MarkChanged(ChangeType.Updated, stamp);
        Record(TimelineAction.For(TenantId, $"{Subject}.updated", Subject, Id, stamp, changes.Changes));
        return true;
    }

    public void Delete(ChangeStamp stamp)
    {
        MarkDeleted(stamp);
        Record(TimelineAction.For(TenantId, $"{Subject}.deleted", Subject, Id, stamp));
    }

    /// <summary>Records <c>{subject}.created</c>; a factory calls it once on the new resource.</summary>
    protected void RecordCreated(ChangeStamp stamp) =>
        Record(TimelineAction.For(TenantId, $"{Subject}.created", Subject, Id, stamp));

    /// <summary>
    /// <paramref name="details"/> checked against the resource's rules (an <see cref="InvalidValueException"/> names the first
    /// one broken) and as the resource will hold them (trimmed, in canonical case, without empty values).
    /// </summary>
    protected abstract TDetails Checked(TDetails details);

    /// <summary>
    /// Tracks in <paramref name="changes"/> every top-level field that taking <paramref name="next"/> would change, named as
    /// the API names it (<c>firstName</c>), one line per field: what the resource's <c>*.updated</c> records.
    /// </summary>
    protected abstract void Compare(TDetails next, ChangeSet changes);

    /// <summary>Takes checked details as the resource's state.</summary>
    protected abstract void Apply(TDetails next);
}

/// <summary>How a versioned resource is made from its details; the resource records its own <c>{subject}.created</c>.</summary>
public interface IResourceFactory<out TSelf, in TDetails>
{
    static abstract TSelf Create(string tenantId, TDetails details, ChangeStamp stamp);
}
