using Linkage.Application.Definitions;

namespace Linkage.Infrastructure.Persistence;

/// <summary>Whether live records or links hold a value of a field (a jsonb key test, <c>jsonb_exists</c>): a definition change must not strand them.</summary>
internal sealed class FieldUsage(LinkageDbContext db) : IFieldUsage
{
    public async Task<bool> RecordsHoldAnyAsync(string domain, IReadOnlyCollection<string> fields, CancellationToken cancellationToken) =>
        await db.Database.SqlQuery<bool>($"""
            SELECT EXISTS (SELECT 1 FROM records WHERE tenant_id = {db.CurrentTenantId} AND domain = {domain} AND deleted_utc IS NULL
                AND jsonb_exists_any(fields, {fields.ToArray()})) AS "Value"
            """).SingleAsync(cancellationToken);

    public async Task<bool> LinksHoldAnyAsync(Guid relationshipTypeId, IReadOnlyCollection<string> fields, CancellationToken cancellationToken) =>
        await db.Database.SqlQuery<bool>($"""
            SELECT EXISTS (SELECT 1 FROM links WHERE tenant_id = {db.CurrentTenantId} AND relationship_type_id = {relationshipTypeId}
                AND deleted_utc IS NULL AND jsonb_exists_any(field_values, {fields.ToArray()})) AS "Value"
            """).SingleAsync(cancellationToken);
}
