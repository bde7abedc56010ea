namespace Linkage.Application.Records;

/// <summary>
/// Equality on values kept in jsonb (ADR 12): a custom domain's fields, a contact's or company's custom fields. The
/// store turns each into a containment test (<c>@&gt;</c>), which an index serves for records.
/// </summary>
public interface IRecordSearch
{
    /// <summary>The live records of <paramref name="domain"/> (as defined) whose fields hold every value of <paramref name="equal"/>.</summary>
    IQueryable<DomainRecord> Records(string domain, IReadOnlyDictionary<string, object> equal);

    /// <summary>The live contacts whose custom field <paramref name="key"/> holds <paramref name="value"/>.</summary>
    IQueryable<Contact> ContactsWithCustomField(string key, object value);

    /// <summary>The live companies whose custom field <paramref name="key"/> holds <paramref name="value"/>.</summary>
    IQueryable<Company> CompaniesWithCustomField(string key, object value);
}
