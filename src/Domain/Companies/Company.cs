using Linkage.Domain.Common;
using Linkage.Domain.Timeline;

namespace Linkage.Domain.Companies;

/// <summary>An organization.</summary>
public sealed class Company : AggregateRoot
{
    private Company()
    {
    }

    private Company(Guid id, string tenantId, ChangeStamp stamp)
        : base(id, tenantId, stamp)
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

    public CompanyDetails Details => new(Name, Department, OrgNr, Description, Emails, Phones, Urls, Address, CustomFields);

    public static Company Create(string tenantId, CompanyDetails details, ChangeStamp stamp)
    {
        var company = new Company(Guid.CreateVersion7(stamp.At), tenantId, stamp);
        company.Apply(details);
        company.Record(TimelineAction.For(tenantId, "company.created", SubjectType.Company, company.Id, stamp));
        return company;
    }

    /// <summary>Replaces the writable state; records <c>company.updated</c> with the changed fields. Returns false when nothing changed.</summary>
    public bool Update(CompanyDetails details, ChangeStamp stamp)
    {
        var changes = new ChangeSet();
        changes.Track("name", Name, details.Name);
        changes.Track("department", Department, details.Department);
        changes.Track("orgNr", OrgNr, details.OrgNr);
        changes.Track("description", Description, details.Description);
        changes.Track("emails", Emails, details.Emails);
        changes.Track("phones", Phones, details.Phones);
        changes.Track("urls", Urls, details.Urls);
        changes.Track("address", Address, details.Address);
        changes.Track("customFields", CustomFields, details.CustomFields);
        if (changes.IsEmpty)
        {
            return false;
        }

        Apply(details);
        MarkChanged(ChangeType.Updated, stamp);
        Record(TimelineAction.For(TenantId, "company.updated", SubjectType.Company, Id, stamp, changes.Changes));
        return true;
    }

    public void Delete(ChangeStamp stamp)
    {
        MarkDeleted(stamp);
        Record(TimelineAction.For(TenantId, "company.deleted", SubjectType.Company, Id, stamp));
    }

    private void Apply(CompanyDetails details)
    {
        if (string.IsNullOrWhiteSpace(details.Name))
        {
            throw new DomainRuleException("ValidationFailed", "A company needs a name.");
        }

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
