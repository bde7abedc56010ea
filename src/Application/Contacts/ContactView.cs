namespace Linkage.Application.Contacts;

/// <summary>A contact as the API shows it (API.md 2.1).</summary>
public sealed record ContactView(
    string? FirstName,
    string? LastName,
    string FullName,
    IReadOnlyList<ContactPoint> Emails,
    IReadOnlyList<ContactPoint> Phones,
    string? Description,
    IReadOnlyDictionary<string, object?> CustomFields)
    : ResourceView;
