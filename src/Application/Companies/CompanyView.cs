namespace Linkage.Application.Companies;

/// <summary>A company as the API shows it (API.md 2.1).</summary>
public sealed record CompanyView(
    string Name,
    string? Department,
    string? OrgNr,
    string? Description,
    IReadOnlyList<ContactPoint> Emails,
    IReadOnlyList<ContactPoint> Phones,
    IReadOnlyList<ContactPoint> Urls,
    Address? Address,
    IReadOnlyDictionary<string, object?> CustomFields)
    : ResourceView;
