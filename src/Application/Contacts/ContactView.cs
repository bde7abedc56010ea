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
    : ResourceView, INetworkRecordView<Contact, ContactView>
{
    /// <summary>A prefix of first, last or full name, or a whole email value, in any case.</summary>
    public static Expression<Func<Contact, bool>> Matching(string query) => c =>
        c.FirstName!.ToLower().StartsWith(query)
        || c.LastName!.ToLower().StartsWith(query)
        || c.FullName.ToLower().StartsWith(query)
        || c.EmailKeys.Contains(query);
}
