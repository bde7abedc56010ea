namespace Linkage.Domain.Companies;

/// <summary>An organization.</summary>
public sealed class Company : VersionedResource<CompanyDetails>, IResourceFactory<Company, CompanyDetails>
{
    private Company()
    {
    }

    private Company(string tenantId, CompanyDetails details, ChangeStamp stamp)
        : base(Guid.CreateVersion7(stamp.At), tenantId, details, stamp)
    {
    }

    public string Name { get; private set; } = string.Empty;

    public string? Department { get; private set; }

    public string? OrgNr { get; private set; }

    public string? Description { get; private set; }

    public IReadOnlyList<ContactPoint> Emails { get; private set; } = [];

    public IReadOnlyList<ContactPoint> Phones { get; private set; } = [];

    public IReadOnlyList<ContactPoint> Urls { get; private set; } = [];

    public Address? Address { get; private set; }

    public IReadOnlyDictionary<string, object?> CustomFields { get; private set; } = new Dictionary<string, object?>();

    protected override string Subject => SubjectType.Company;

    public static Company Create(string tenantId, CompanyDetails details, ChangeStamp stamp)
    {
        var company = new Company(tenantId, details, stamp);
        company.RecordCreated(stamp);
        return company;
    }

    protected override CompanyDetails Checked(CompanyDetails details) =>
        string.IsNullOrWhiteSpace(details.Name) ? throw new InvalidValueException("name", "A company needs a name.") : details;

    protected override void Compare(CompanyDetails next, ChangeSet changes)
    {
        changes.Track("name", Name, next.Name);
        changes.Track("department", Department, next.Department);
        changes.Track("orgNr", OrgNr, next.OrgNr);
        changes.Track("description", Description, next.Description);
        changes.Track("emails", Emails, next.Emails);
        changes.Track("phones", Phones, next.Phones);
        changes.Track("urls", Urls, next.Urls);
        changes.Track("address", Address, next.Address);
        changes.Track("customFields", CustomFields, next.CustomFields);
    }

    protected override void Apply(CompanyDetails details)
    {
        Name = details.Name;
        Department = details.Department;
        OrgNr = details.OrgNr;
        Description = details.Description;
        Emails = details.Emails.ToList();
        Phones = details.Phones.ToList();
        Urls = details.Urls.ToList();
        Address = details.Address;
        CustomFields = new Dictionary<string, object?>(details.CustomFields, StringComparer.Ordinal);
    }
}
