namespace Linkage.Domain.Links;

/// <summary>
/// A contact's tie to a company (the contact works there), with an optional job title; at most one
/// live link of a contact is its primary. Every change is recorded on both the contact's and the
/// company's timeline. That a contact has only one primary link is not this aggregate's rule to keep
/// alone: the store holds it (a partial unique index) and the use cases demote the previous primary.
/// </summary>
public sealed class Link : AggregateRoot, ISoftDeletable
{
    public const int MaxJobTitleLength = 200;

    private Link()
    {
    }

    private Link(Guid id, string tenantId, Guid contactId, Guid companyId, ChangeStamp stamp)
        : base(id, tenantId, stamp)
    {
        ContactId = contactId;
        CompanyId = companyId;
    }

    public Guid ContactId { get; private set; }

    public Guid CompanyId { get; private set; }

    public string? JobTitle { get; private set; }

    public bool IsPrimary { get; private set; }

    /// <summary>Links a contact to a company; records <c>link.created</c> with the initial values on both timelines.</summary>
    public static Link Create(string tenantId, Guid contactId, Guid companyId, string? jobTitle, bool isPrimary, ChangeStamp stamp)
    {
        if (contactId == Guid.Empty || companyId == Guid.Empty)
        {
            throw new ArgumentException("A link joins an existing contact and company.");
        }

        CheckJobTitle(jobTitle);
        var link = new Link(Guid.CreateVersion7(stamp.At), tenantId, contactId, companyId, stamp)
        {
            JobTitle = jobTitle,
            IsPrimary = isPrimary,
        };

        var changes = new ChangeSet();
        changes.Track("contactId", (Guid?)null, contactId);
        changes.Track("companyId", (Guid?)null, companyId);
        changes.Track("jobTitle", null, jobTitle);
        changes.Track("isPrimary", (bool?)null, isPrimary);
        link.RecordOnBothTimelines("link.created", stamp, changes);
        return link;
    }

    /// <summary>
    /// Replaces the writable state; records <c>link.updated</c> with only the changed fields.
    /// Returns false, moving no version and recording nothing, when nothing changed.
    /// </summary>
    public bool Update(string? jobTitle, bool isPrimary, ChangeStamp stamp)
    {
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
        RecordOnBothTimelines("link.updated", stamp, changes);
        return true;
    }

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
        RecordOnBothTimelines("link.deleted", stamp, new ChangeSet());
    }

    /// <summary>A job title is 1..200 characters and not blank, or absent.</summary>
    public static bool IsValidJobTitle(string? jobTitle) =>
        jobTitle is null || (jobTitle.Length <= MaxJobTitleLength && !string.IsNullOrWhiteSpace(jobTitle));

    private static void CheckJobTitle(string? jobTitle)
    {
        if (!IsValidJobTitle(jobTitle))
        {
            throw new InvalidValueException("jobTitle", $"A job title is 1 to {MaxJobTitleLength} characters, or null.");
        }
    }

    private void RecordOnBothTimelines(string kind, ChangeStamp stamp, ChangeSet changes)
    {
        Record(TimelineAction.For(TenantId, kind, SubjectType.Contact, ContactId, stamp, changes.Changes, linkId: Id));
        Record(TimelineAction.For(TenantId, kind, SubjectType.Company, CompanyId, stamp, changes.Changes, linkId: Id));
    }
}
