namespace Linkage.Infrastructure.Persistence;

/// <summary>
/// Row locks on a tenant's contact or company (ADR 0007: the primary slot; ADR 0010: links against deletes).
/// <c>FOR KEY SHARE</c> (a link being made) conflicts only with <c>FOR UPDATE</c> (a delete); <c>FOR NO KEY
/// UPDATE</c> (a primary claim) conflicts with itself and with <c>FOR UPDATE</c>.
/// </summary>
internal sealed class RecordLocks(LinkageDbContext db) : IRecordLocks
{
    private const string Contacts = "contacts";
    private const string Companies = "companies";

    public Task<bool> HoldLiveContactAsync(Guid contactId, CancellationToken cancellationToken) =>
        LockAsync(Contacts, contactId, "FOR KEY SHARE", liveOnly: true, cancellationToken);

    public Task<bool> HoldLiveCompanyAsync(Guid companyId, CancellationToken cancellationToken) =>
        LockAsync(Companies, companyId, "FOR KEY SHARE", liveOnly: true, cancellationToken);

    public Task LockContactForDeleteAsync(Guid contactId, CancellationToken cancellationToken) =>
        LockAsync(Contacts, contactId, "FOR UPDATE", liveOnly: false, cancellationToken);

    public Task LockCompanyForDeleteAsync(Guid companyId, CancellationToken cancellationToken) =>
        LockAsync(Companies, companyId, "FOR UPDATE", liveOnly: false, cancellationToken);

    public Task HoldPrimarySlotAsync(Guid contactId, CancellationToken cancellationToken) =>
        LockAsync(Contacts, contactId, "FOR NO KEY UPDATE", liveOnly: false, cancellationToken);

    /// <summary>
    /// Locks the record (a soft-deleted one too, unless <paramref name="liveOnly"/>) and tells whether it was there.
    /// A caller that waited for the lock sees the row as its holder left it (READ COMMITTED re-checks the filter).
    /// </summary>
    private async Task<bool> LockAsync(string table, Guid id, string strength, bool liveOnly, CancellationToken cancellationToken)
    {
        // Only the constants of this class are spliced into the text; the values go as parameters {0} and {1}.
        var sql = string.Concat(
            "SELECT id AS \"Value\" FROM ", table, " WHERE tenant_id = {0} AND id = {1}",
            liveOnly ? " AND deleted_utc IS NULL " : " ", strength);
        var rows = await db.Database.SqlQueryRaw<Guid>(sql, db.CurrentTenantId, id).ToListAsync(cancellationToken);
        return rows.Count > 0;
    }
}
