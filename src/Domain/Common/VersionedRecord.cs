namespace Linkage.Domain.Common;

/// <summary>
/// A record of the CRM that callers create, edit as a whole and delete: a contact, a company, and after them
/// the records of custom domains and files. Its writable state is one value, <typeparamref name="TDetails"/>;
/// every change moves the version and is recorded on the record's own timeline as <c>{subject}.created</c>,
/// <c>{subject}.updated</c> (with the fields that changed) or <c>{subject}.deleted</c>.
/// </summary>
public abstract class VersionedRecord<TDetails> : AggregateRoot, ISoftDeletable
    where TDetails : class
{
    protected VersionedRecord()
    {
    }

    protected VersionedRecord(Guid id, string tenantId, TDetails details, ChangeStamp stamp)
        : base(id, tenantId, stamp)
    {
        Apply(details);
    }

    /// <summary>The subject type of the record's timeline (<c>contact</c>), which also prefixes its actions' kinds.</summary>
    protected abstract string Subject { get; }

    /// <summary>Replaces the writable state; records <c>{subject}.updated</c> with the changed fields. Returns false when nothing changed.</summary>
    public bool Update(TDetails details, ChangeStamp stamp)
    {
        var changes = Compare(details);
        if (changes.IsEmpty)
        {
            return false;
        }

        Apply(details);
        MarkChanged(ChangeType.Updated, stamp);
        Record(TimelineAction.For(TenantId, $"{Subject}.updated", Subject, Id, stamp, changes.Changes));
        return true;
    }

    public void Delete(ChangeStamp stamp)
    {
        MarkDeleted(stamp);
        Record(TimelineAction.For(TenantId, $"{Subject}.deleted", Subject, Id, stamp));
    }

    /// <summary>Records <c>{subject}.created</c>; a factory calls it once on the new record.</summary>
    protected void RecordCreated(ChangeStamp stamp) =>
        Record(TimelineAction.For(TenantId, $"{Subject}.created", Subject, Id, stamp));

    /// <summary>Checks <paramref name="details"/> against the record's rules and takes them as its state.</summary>
    protected abstract void Apply(TDetails details);

    /// <summary>
    /// The top-level fields <paramref name="details"/> would change, as the API names them: each member of
    /// <typeparamref name="TDetails"/> against the record's property of the same name. A record with derived
    /// fields adds them.
    /// </summary>
    protected virtual ChangeSet Compare(TDetails details)
    {
        var changes = new ChangeSet();
        foreach (var field in WritableFields.Of(GetType(), typeof(TDetails)))
        {
            changes.Track(field.Name, field.OfRecord(this), field.OfDetails(details));
        }

        return changes;
    }
}

/// <summary>How a versioned record is made from its details; the record records its own <c>{subject}.created</c>.</summary>
public interface IRecordFactory<out TSelf, in TDetails>
{
    static abstract TSelf Create(string tenantId, TDetails details, ChangeStamp stamp);
}
