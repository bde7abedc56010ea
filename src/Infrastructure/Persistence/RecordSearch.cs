using System.Text.Json;
using Linkage.Application.Records;
using Linkage.Domain.Companies;
using Linkage.Domain.Contacts;
using Linkage.Domain.Records;

namespace Linkage.Infrastructure.Persistence;

/// <summary>
/// Equality on jsonb values as containment (ADR 12): <c>fields @&gt; '{"policyNumber":"POL-1"}'</c>, which the GIN index
/// <c>ix_records_fields</c> serves for a tenant's domain. Written as SQL (EF Core cannot test containment on a value it
/// converts); the tenant and soft-delete filters and the rest of the query compose on top, as on any set. <c>OFFSET 0</c>
/// keeps the planner from folding the match into an outer <c>ORDER BY id LIMIT n</c>, where its guess of how rare a value
/// is could have it walk the primary key instead of asking the index (seen on a loaded machine).
/// </summary>
internal sealed class RecordSearch(LinkageDbContext db) : IRecordSearch
{
    public IQueryable<DomainRecord> Records(string domain, IReadOnlyDictionary<string, object> equal) =>
        equal.Count == 0
            ? db.Records.Where(r => r.Domain == domain)
            : db.Records.FromSql(
                $"SELECT * FROM records WHERE tenant_id = {db.CurrentTenantId} AND domain = {domain} AND fields @> {Json(equal)}::jsonb AND deleted_utc IS NULL OFFSET 0");

    public IQueryable<Contact> ContactsWithCustomField(string key, object value) =>
        db.Contacts.FromSql($"SELECT * FROM contacts WHERE tenant_id = {db.CurrentTenantId} AND custom_fields @> {Json(key, value)}::jsonb");

    public IQueryable<Company> CompaniesWithCustomField(string key, object value) =>
        db.Companies.FromSql($"SELECT * FROM companies WHERE tenant_id = {db.CurrentTenantId} AND custom_fields @> {Json(key, value)}::jsonb");

    private static string Json(string key, object value) => Json(new Dictionary<string, object> { [key] = value });

    private static string Json(IReadOnlyDictionary<string, object> equal) => JsonSerializer.Serialize(equal);
}
