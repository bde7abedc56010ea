namespace Linkage.Domain.Contacts;

/// <summary>The writable state of a contact, as a create or a patch supplies it.</summary>
public sealed record ContactDetails(
    string? FirstName,
    string? LastName,
    IReadOnlyList<ContactPoint> Emails,
    IReadOnlyList<ContactPoint> Phones,
    string? Description,
    IReadOnlyDictionary<string, object?> CustomFields);
