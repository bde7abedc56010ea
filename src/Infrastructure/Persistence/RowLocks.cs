using Linkage.Domain.Links;

namespace Linkage.Infrastructure.Persistence;

/// <summary>
/// Row locks on a tenant's records (ADR 0007: the primary slot; ADR 0010: links against deletes; ADR 0012: records
/// against their definition's changes). <c>FOR KEY SHARE</c> (a link being made) conflicts only with <c>FOR UPDATE</c>
/// (a delete); <c>FOR NO KEY UPDATE</c> (a primary claim, an upsert, a definition change) conflicts with itself, with
/// <c>FOR SHARE</c> and with <c>FOR UPDATE</c>.
/// </summary>
internal sealed class RowLocks(LinkageDbContext db) : IRowLocks
{
    private const string KeyShare = "FOR KEY SHARE";
    private const string NoKeyUpdate = "FOR NO KEY UPDATE";

    public Task<bool> HoldLiveAsync(LinkEnd record, CancellationToken cancellationToken) =>
        LockAsync(record, KeyShare, liveOnly: true, cancellationToken);

    public Task<bool> HoldLiveForLinkingAsync(LinkEnd parent, CancellationToken cancellationToken) =>
        LockAsync(parent, NoKeyUpdate, liveOnly: true, cancellationToken);

    public Task LockForDeleteAsync(LinkEnd record, CancellationToken cancellationToken) =>
        LockAsync(record, "FOR UPDATE", liveOnly: false, cancellationToken);

    public Task HoldPrimarySlotAsync(Guid contactId, CancellationToken cancellationToken) =>
        LockAsync(LinkEnd.Contact(contactId), NoKeyUpdate, liveOnly: false, cancellationToken);

    public Task ShareDefinitionAsync(Guid definitionId, CancellationToken cancellationToken) =>
        LockAsync("domains", definitionId, domain: null, "FOR SHARE", liveOnly: false, cancellationToken);

    public Task LockDefinitionAsync(Guid definitionId, CancellationToken cancellationToken) =>
        LockAsync("domains", definitionId, domain: null, NoKeyUpdate, liveOnly: false, cancellationToken);

    private Task<bool> LockAsync(LinkEnd record, string strength, bool liveOnly, CancellationToken cancellationToken) =>
        record.Domain switch
        {
            BuiltInDomain.Contact => LockAsync("contacts", record.Id, null, strength, liveOnly, cancellationToken),
            BuiltInDomain.Company => LockAsync("companies", record.Id, null, strength, liveOnly, cancellationToken),
            BuiltInDomain.File => LockAsync("files", record.Id, null, strength, liveOnly, cancellationToken),
            _ => LockAsync("records", record.Id, record.Domain, strength, liveOnly, cancellationToken),
        };

    /// <summary>
    /// Locks the row (a soft-deleted one too, unless <paramref name="liveOnly"/>) and tells whether it was there.
    /// A caller that waited for the lock sees the row as its holder left it (READ COMMITTED re-checks the filter).
    /// </summary>
    private async Task<bool> LockAsync(
        string table, Guid id, string? domain, string strength, bool liveOnly, CancellationToken cancellationToken)
    {
        // Only the constants of this class are spliced into the text; the values go as parameters {0}, {1} and {2}.
        var sql = string.Concat(
            "SELECT id AS \"Value\" FROM ", table, " WHERE tenant_id = {0} AND id = {1}",
            domain is null ? string.Empty : " AND domain = {2}",
            liveOnly ? " AND deleted_utc IS NULL " : " ",
            strength);
        var rows = await db.Database.SqlQueryRaw<Guid>(sql, db.CurrentTenantId, id, domain ?? string.Empty).ToListAsync(cancellationToken);
        return rows.Count > 0;
    }
}
