using Linkage.Domain.Definitions;

namespace Linkage.Domain.Links;

/// <summary>
/// A link from a parent record to a child record (API.md 5): a company or a record of a custom domain, to a
/// contact or a file; at most one live link joins a parent and a child. A link may be typed by a relationship
/// type. A company's link to a contact is the network link of API.md 2.2: the contact works there, with an
/// optional job title, and at most one live link of a contact is its primary (the store holds that, and the use
/// cases demote the previous primary). Every change is recorded on both ends' timelines.
/// </summary>
public sealed class Link : AggregateRoot, ISoftDeletable
{
    public const int MaxJobTitleLength = 200;

    public const int MaxDisplayLabelLength = 200;

    private Link()
    {
    }

    private Link(string tenantId, LinkEnd parent, LinkEnd child, ChangeStamp stamp)
        : base(Guid.CreateVersion7(stamp.At), tenantId, stamp)
    {
        ParentDomain = parent.Domain;
        ParentId = parent.Id;
        ChildDomain = child.Domain;
        ChildId = child.Id;
    }

    public string ParentDomain { get; private set; } = string.Empty;

    public Guid ParentId { get; private set; }

    public string ChildDomain { get; private set; } = string.Empty;

    public Guid ChildId { get; private set; }

    public Guid? RelationshipTypeId { get; private set; }

    /// <summary>The relationship type's name (names never change), kept for the link's composite key.</summary>
    public string? RelationshipType { get; private set; }

    /// <summary>Values of the fields the relationship type defines (API.md 6); restricted ones among them are masked when shown.</summary>
    public IReadOnlyDictionary<string, object?> FieldValues { get; private set; } = new Dictionary<string, object?>();

    /// <summary>The link's own label (API.md 6), or none.</summary>
    public string? DisplayLabel { get; private set; }

    public string? JobTitle { get; private set; }

    public bool IsPrimary { get; private set; }

    public LinkEnd Parent => new(ParentDomain, ParentId);

    public LinkEnd Child => new(ChildDomain, ChildId);

    /// <summary>A company's link to a contact: the link of API.md 2.2, with a job title and primary status.</summary>
    public bool IsNetworkLink => ParentDomain == BuiltInDomain.Company && ChildDomain == BuiltInDomain.Contact;

    /// <summary>Links a contact to a company (API.md 2.2); records <c>link.created</c> with the initial values on both timelines.</summary>
    public static Link Create(string tenantId, Guid contactId, Guid companyId, string? jobTitle, bool isPrimary, ChangeStamp stamp)
    {
        CheckJobTitle(jobTitle);
        var link = New(tenantId, LinkEnd.Company(companyId), LinkEnd.Contact(contactId), stamp);
        link.JobTitle = jobTitle;
        link.IsPrimary = isPrimary;
        var changes = link.EndsAsChanges();
        changes.Track("jobTitle", null, jobTitle);
        changes.Track("isPrimary", (bool?)null, isPrimary);
        link.RecordOnBothTimelines(ActionKinds.LinkCreated, stamp, changes);
        return link;
    }

    /// <summary>Links a child to a parent, typed or not (API.md 5.4); records <c>link.created</c> on both timelines.</summary>
    public static Link Create(string tenantId, LinkEnd parent, LinkEnd child, Definitions.RelationshipType? type, ChangeStamp stamp)
    {
        var link = New(tenantId, parent, child, stamp);
        link.RelationshipTypeId = type?.Id;
        link.RelationshipType = type?.Name;
        var changes = link.EndsAsChanges();
        changes.Track("relationshipTypeName", null, type?.Name);
        link.RecordOnBothTimelines(ActionKinds.LinkCreated, stamp, changes);
        return link;
    }

    /// <summary>
    /// Replaces the writable state of a network link; records <c>link.updated</c> with only the changed fields.
    /// Returns false, moving no version and recording nothing, when nothing changed.
    /// </summary>
    public bool Update(string? jobTitle, bool isPrimary, ChangeStamp stamp)
    {
        if (!IsNetworkLink)
        {
            throw new InvalidOperationException("Only a company's link to a contact has a job title and primary status.");
        }

        CheckJobTitle(jobTitle);
        var changes = new ChangeSet();
        changes.Track("jobTitle", JobTitle, jobTitle);
        changes.Track("isPrimary", IsPrimary, isPrimary);
        if (changes.IsEmpty)
        {
            return false;
        }

        JobTitle = jobTitle;
        IsPrimary = isPrimary;
        MarkChanged(ChangeType.Updated, stamp);
        RecordOnBothTimelines(ActionKinds.LinkUpdated, stamp, changes);
        return true;
    }

    /// <summary>
    /// Types the link by <paramref name="type"/> (or none); returns false, recording nothing, when it already is. Field
    /// values belong to a type: a new type starts without them, and the cleared ones are recorded by name only.
    /// </summary>
    public bool Relate(Definitions.RelationshipType? type, ChangeStamp stamp)
    {
        var changes = new ChangeSet();
        if (!changes.Track("relationshipTypeName", RelationshipType, type?.Name))
        {
            return false;
        }

        FieldValueChanges.TrackCleared(changes, "fieldValues", FieldValues);

        RelationshipTypeId = type?.Id;
        RelationshipType = type?.Name;
        FieldValues = new Dictionary<string, object?>();
        MarkChanged(ChangeType.Updated, stamp);
        RecordOnBothTimelines(ActionKinds.LinkUpdated, stamp, changes);
        return true;
    }

    /// <summary>
    /// Replaces the typed link's own label and field values (API.md 6), each value checked against its field in
    /// <paramref name="type"/>; records <c>link.updated</c> with the changes, restricted values as
    /// <see cref="FieldValueChanges.Changed"/> only. Returns false when nothing changed.
    /// </summary>
    public bool Patch(string? displayLabel, IReadOnlyDictionary<string, object?> fieldValues, Definitions.RelationshipType? type, ChangeStamp stamp)
    {
        if (type?.Id != RelationshipTypeId)
        {
            throw new InvalidOperationException("A link's field values are checked against its own relationship type.");
        }

        if (displayLabel is { Length: 0 or > MaxDisplayLabelLength })
        {
            throw new InvalidValueException("displayLabel", $"A display label is 1 to {MaxDisplayLabelLength} characters, or null.");
        }

        var values = FieldValueChange.Checked(type, fieldValues);
        var changes = new ChangeSet();
        changes.Track("displayLabel", DisplayLabel, displayLabel);
        FieldValueChanges.Track(changes, "fieldValues", type?.Fields ?? [], FieldValues, values);
        if (changes.IsEmpty)
        {
            return false;
        }

        DisplayLabel = displayLabel;
        FieldValues = values;
        MarkChanged(ChangeType.Updated, stamp);
        RecordOnBothTimelines(ActionKinds.LinkUpdated, stamp, changes);
        return true;
    }

    /// <summary>Records that a caller was shown the link's restricted values (<c>link.revealed</c>); no version moves.</summary>
    public void RecordReveal(ChangeStamp stamp) => RecordOnBothTimelines(ActionKinds.LinkRevealed, stamp, new ChangeSet());

    /// <summary>Takes primary away because another link of the contact became its primary: its own <c>link.updated</c>.</summary>
    public void Demote(ChangeStamp stamp)
    {
        if (!IsPrimary)
        {
            throw new InvalidOperationException("Only the primary link can be demoted.");
        }

        Update(JobTitle, isPrimary: false, stamp);
    }

    /// <summary>Soft-deletes the link (a deleted primary leaves the contact without one); records <c>link.deleted</c>.</summary>
    public void Delete(ChangeStamp stamp)
    {
        MarkDeleted(stamp);
        RecordOnBothTimelines(ActionKinds.LinkDeleted, stamp, new ChangeSet());
    }

    /// <summary>A job title is 1..200 characters and not blank, or absent.</summary>
    public static bool IsValidJobTitle(string? jobTitle) =>
        jobTitle is null || (jobTitle.Length <= MaxJobTitleLength && !string.IsNullOrWhiteSpace(jobTitle));

    private static Link New(string tenantId, LinkEnd parent, LinkEnd child, ChangeStamp stamp)
    {
        if (parent.Id == Guid.Empty || child.Id == Guid.Empty)
        {
            throw new ArgumentException("A link joins two existing records.");
        }

        return new Link(tenantId, parent, child, stamp);
    }

    private static void CheckJobTitle(string? jobTitle)
    {
        if (!IsValidJobTitle(jobTitle))
        {
            throw new InvalidValueException("jobTitle", $"A job title is 1 to {MaxJobTitleLength} characters, or null.");
        }
    }

    /// <summary>The ends as a creation records them, named as the link's document names them (API.md 2.2 or 6).</summary>
    private ChangeSet EndsAsChanges()
    {
        var changes = new ChangeSet();
        changes.Track(IsNetworkLink ? "contactId" : "toObjectId", (Guid?)null, ChildId);
        changes.Track(IsNetworkLink ? "companyId" : "fromObjectId", (Guid?)null, ParentId);
        return changes;
    }

    private void RecordOnBothTimelines(string kind, ChangeStamp stamp, ChangeSet changes)
    {
        Record(TimelineAction.For(TenantId, kind, Child.SubjectType, ChildId, stamp, changes.Changes, linkId: Id));
        Record(TimelineAction.For(TenantId, kind, Parent.SubjectType, ParentId, stamp, changes.Changes, linkId: Id));
    }
}
