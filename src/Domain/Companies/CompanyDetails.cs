namespace Linkage.Domain.Companies;

/// <summary>The writable state of a company, as a create or a patch supplies it.</summary>
public sealed record CompanyDetails(
    string Name,
    string? Department,
    string? OrgNr,
    string? Description,
    IReadOnlyList<ContactPoint> Emails,
    IReadOnlyList<ContactPoint> Phones,
    IReadOnlyList<ContactPoint> Urls,
    Address? Address,
    IReadOnlyDictionary<string, object?> CustomFields);
