namespace Linkage.Domain.Links;

/// <summary>
/// A company's link to a contact (API.md 2.2): the contact works there, with an optional job title, and at most one live
/// link of a contact is its primary (the store holds that at commit; <c>PrimaryLinks</c> demotes the previous primary
/// before another is made primary, ADR 7). The company is the parent, the contact the child.
/// </summary>
public sealed class NetworkLink : Link
{
    public const int MaxJobTitleLength = 200;

    private NetworkLink()
    {
    }

    private NetworkLink(string tenantId, Guid contactId, Guid companyId, ChangeStamp stamp)
        : base(tenantId, LinkEnd.Company(companyId), LinkEnd.Contact(contactId), stamp)
    {
    }

    public Guid ContactId => ChildId;

    public Guid CompanyId => ParentId;

    public string? JobTitle { get; private set; }

    public bool IsPrimary { get; private set; }

    /// <summary>Links a contact to a company; records <c>link.created</c> with the initial values on both timelines.</summary>
    public static NetworkLink Create(string tenantId, Guid contactId, Guid companyId, string? jobTitle, bool isPrimary, ChangeStamp stamp)
    {
        CheckJobTitle(jobTitle);
        var link = new NetworkLink(tenantId, contactId, companyId, stamp) { JobTitle = jobTitle, IsPrimary = isPrimary };
        var changes = new ChangeSet();
        changes.Track("contactId", (Guid?)null, contactId);
        changes.Track("companyId", (Guid?)null, companyId);
        changes.Track("jobTitle", null, jobTitle);
        changes.Track("isPrimary", (bool?)null, isPrimary);
        link.RecordOnBothTimelines(ActionKinds.LinkCreated, stamp, changes);
        return link;
    }

    /// <summary>
    /// Replaces the job title and primary status; records <c>link.updated</c> with only the changed fields. Returns false,
    /// moving no version and recording nothing, when nothing changed.
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
        RecordUpdated(changes, stamp);
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
}
