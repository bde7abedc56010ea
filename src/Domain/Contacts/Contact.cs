namespace Linkage.Domain.Contacts;

/// <summary>A person. Its full name is derived from first and last name.</summary>
public sealed class Contact : VersionedResource<ContactDetails>, IResourceFactory<Contact, ContactDetails>
{
    private Contact()
    {
    }

    private Contact(string tenantId, ContactDetails details, ChangeStamp stamp)
        : base(Guid.CreateVersion7(stamp.At), tenantId, details, stamp)
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

    protected override string Subject => SubjectType.Contact;

    public static Contact Create(string tenantId, ContactDetails details, ChangeStamp stamp)
    {
        var contact = new Contact(tenantId, details, stamp);
        contact.RecordCreated(stamp);
        return contact;
    }

    public static string ComposeFullName(string? firstName, string? lastName) =>
        string.Join(' ', new[] { firstName, lastName }.Where(s => !string.IsNullOrWhiteSpace(s)).Select(s => s!.Trim()));

    protected override ContactDetails Checked(ContactDetails details) =>
        string.IsNullOrWhiteSpace(details.FirstName) && string.IsNullOrWhiteSpace(details.LastName)
            ? throw new InvalidValueException("firstName", "A contact needs a first name or a last name.")
            : details;

    /// <summary>A change of first or last name changes the full name too.</summary>
    protected override void Compare(ContactDetails next, ChangeSet changes)
    {
        changes.Track("firstName", FirstName, next.FirstName);
        changes.Track("lastName", LastName, next.LastName);
        changes.Track("emails", Emails, next.Emails);
        changes.Track("phones", Phones, next.Phones);
        changes.Track("description", Description, next.Description);
        changes.Track("customFields", CustomFields, next.CustomFields);
        if (!changes.IsEmpty)
        {
            changes.Track("fullName", FullName, ComposeFullName(next.FirstName, next.LastName));
        }
    }

    protected override void Apply(ContactDetails details)
    {
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
