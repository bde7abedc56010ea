using Microsoft.EntityFrameworkCore;

namespace Linkage.Infrastructure.Persistence;

/// <summary>
/// Row locks on a tenant's record, held until the transaction ends: the one way the store serializes writers
/// that a unique index cannot (ADR 0007: the primary slot; ADR 0010: links against deletes). The table and the
/// lock strength come from the constants below, never from input; the tenant and the id are parameters.
/// </summary>
internal static class RowLocks
{
    public const string Contacts = "contacts";
    public const string Companies = "companies";

    /// <summary>Shares the row's key: only <see cref="ForUpdate"/> conflicts with it.</summary>
    public const string ForKeyShare = "FOR KEY SHARE";

    /// <summary>An update that leaves the key alone: conflicts with itself and with <see cref="ForUpdate"/>.</summary>
    public const string ForNoKeyUpdate = "FOR NO KEY UPDATE";

    /// <summary>Conflicts with every other row lock.</summary>
    public const string ForUpdate = "FOR UPDATE";

    /// <summary>
    /// Locks the record (a soft-deleted one too, unless <paramref name="liveOnly"/>) and tells whether it was there.
    /// A caller that waited for the lock sees the row as its holder left it (READ COMMITTED re-checks the filter).
    /// </summary>
    public static async Task<bool> LockAsync(
        this LinkageDbContext db, string table, Guid id, string strength, bool liveOnly, CancellationToken cancellationToken)
    {
        // Only the constants above are spliced into the text; the values go as parameters {0} and {1}.
        var sql = string.Concat(
            "SELECT id AS \"Value\" FROM ", table, " WHERE tenant_id = {0} AND id = {1}",
            liveOnly ? " AND deleted_utc IS NULL " : " ", strength);
        var rows = await db.Database.SqlQueryRaw<Guid>(sql, db.CurrentTenantId, id).ToListAsync(cancellationToken);
        return rows.Count > 0;
    }
}
