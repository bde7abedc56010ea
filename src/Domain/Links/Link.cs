namespace Linkage.Domain.Links;

/// <summary>
/// What the two kinds of link share (ADR 26): a parent record and a child record, each change recorded on both ends'
/// timelines, and a soft delete. A <see cref="NetworkLink"/> is a company's link to a contact (API.md 2.2); a
/// <see cref="TypedLink"/> is a record's link to a contact or a file, typed by a relationship type or not (API.md 5.4, 6).
/// At most one live link of either kind joins a parent and a child: the store's pair index holds that across both.
/// </summary>
public abstract class Link : AggregateRoot, ISoftDeletable
{
    protected Link()
    {
    }

    protected Link(string tenantId, LinkEnd parent, LinkEnd child, ChangeStamp stamp)
        : base(Guid.CreateVersion7(stamp.At), tenantId, stamp)
    {
        if (parent.Id == Guid.Empty || child.Id == Guid.Empty)
        {
            throw new ArgumentException("A link joins two existing records.");
        }

        ParentDomain = parent.Domain;
        ParentId = parent.Id;
        ChildDomain = child.Domain;
        ChildId = child.Id;
    }

    public string ParentDomain { get; private set; } = string.Empty;

    public Guid ParentId { get; private set; }

    public string ChildDomain { get; private set; } = string.Empty;

    public Guid ChildId { get; private set; }

    public LinkEnd Parent => new(ParentDomain, ParentId);

    public LinkEnd Child => new(ChildDomain, ChildId);

    /// <summary>Soft-deletes the link (a deleted primary leaves the contact without one); records <c>link.deleted</c> on both timelines.</summary>
    public void Delete(ChangeStamp stamp)
    {
        MarkDeleted(stamp);
        RecordOnBothTimelines(ActionKinds.LinkDeleted, stamp, new ChangeSet());
    }

    /// <summary>Moves the version and records <c>link.updated</c> with <paramref name="changes"/> on both timelines: a kind's change once made.</summary>
    protected void RecordUpdated(ChangeSet changes, ChangeStamp stamp)
    {
        MarkChanged(ChangeType.Updated, stamp);
        RecordOnBothTimelines(ActionKinds.LinkUpdated, stamp, changes);
    }

    /// <summary>Records <paramref name="kind"/> on the child's timeline, then on the parent's.</summary>
    protected void RecordOnBothTimelines(string kind, ChangeStamp stamp, ChangeSet changes)
    {
        Record(TimelineAction.For(TenantId, kind, Child.SubjectType, ChildId, stamp, changes.Changes, linkId: Id));
        Record(TimelineAction.For(TenantId, kind, Parent.SubjectType, ParentId, stamp, changes.Changes, linkId: Id));
    }
}
