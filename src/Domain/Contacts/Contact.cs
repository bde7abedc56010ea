using Linkage.Domain.Common;
using Linkage.Domain.Timeline;

namespace Linkage.Domain.Contacts;

/// <summary>A person. Its full name is derived from first and last name.</summary>
public sealed class Contact : AggregateRoot
{
    private Contact()
    {
    }

    private Contact(Guid id, string tenantId, ChangeStamp stamp)
        : base(id, tenantId, stamp)
    {
    }

    public string? FirstName { get; private set; }

    public string? LastName { get; private set; }

    public string FullName { get; private set; } = string.Empty;

    public IReadOnlyList<ContactPoint> Emails { get; private set; } = [];

    public IReadOnlyList<ContactPoint> Phones { get; private set; } = [];

    public string? Description { get; private set; }

    public IReadOnlyDictionary<string, object?> CustomFields { get; private set; } = new Dictionary<string, object?>();

    /// <summary>Lower-cased email values, kept for case-insensitive whole-value search.</summary>
    public string[] EmailKeys { get; private set; } = [];

    public ContactDetails Details => new(FirstName, LastName, Emails, Phones, Description, CustomFields);

    public static Contact Create(string tenantId, ContactDetails details, ChangeStamp stamp)
    {
        var contact = new Contact(Guid.CreateVersion7(stamp.At), tenantId, stamp);
        contact.Apply(details);
        contact.Record(TimelineAction.For(tenantId, "contact.created", SubjectType.Contact, contact.Id, stamp));
        return contact;
    }

    /// <summary>Replaces the writable state; records <c>contact.updated</c> with the changed fields. Returns false when nothing changed.</summary>
    public bool Update(ContactDetails details, ChangeStamp stamp)
    {
        var changes = new ChangeSet();
        changes.Track("firstName", FirstName, details.FirstName);
        changes.Track("lastName", LastName, details.LastName);
        changes.Track("emails", Emails, details.Emails);
        changes.Track("phones", Phones, details.Phones);
        changes.Track("description", Description, details.Description);
        changes.Track("customFields", CustomFields, details.CustomFields);
        if (changes.IsEmpty)
        {
            return false;
        }

        var fullNameBefore = FullName;
        Apply(details);
        changes.Track("fullName", fullNameBefore, FullName);
        MarkChanged(ChangeType.Updated, stamp);
        Record(TimelineAction.For(TenantId, "contact.updated", SubjectType.Contact, Id, stamp, changes.Changes));
        return true;
    }

    public void Delete(ChangeStamp stamp)
    {
        MarkDeleted(stamp);
        Record(TimelineAction.For(TenantId, "contact.deleted", SubjectType.Contact, Id, stamp));
    }

    public static string ComposeFullName(string? firstName, string? lastName) =>
        string.Join(' ', new[] { firstName, lastName }.Where(s => !string.IsNullOrWhiteSpace(s)).Select(s => s!.Trim()));

    private void Apply(ContactDetails details)
    {
        if (string.IsNullOrWhiteSpace(details.FirstName) && string.IsNullOrWhiteSpace(details.LastName))
        {
            throw new DomainRuleException("ValidationFailed", "A contact needs a first name or a last name.");
        }

        FirstName = details.FirstName;
        LastName = details.LastName;
        FullName = ComposeFullName(details.FirstName, details.LastName);
        Emails = details.Emails.ToList();
        Phones = details.Phones.ToList();
        Description = details.Description;
        CustomFields = new Dictionary<string, object?>(details.CustomFields, StringComparer.Ordinal);
        EmailKeys = details.Emails.Select(e => e.Value.ToLowerInvariant()).Distinct().ToArray();
    }
}
