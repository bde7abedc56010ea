using Linkage.Application.Common.Idempotency;
using Linkage.Application.Common.Security;
using Linkage.Infrastructure.Persistence;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Linkage.Infrastructure.Idempotency;

/// <summary>
/// The caller's keys in <c>idempotency_keys</c>, read and written in the request's transaction (ADR 0002). A claim
/// is one <c>INSERT ... ON CONFLICT</c>: a second request with the key blocks on the first one's uncommitted row
/// until that transaction ends, for at most <see cref="IdempotencyOptions.InFlightWait"/>.
/// </summary>
internal sealed class IdempotencyStore(
    LinkageDbContext db,
    ICurrentUser user,
    TimeProvider time,
    IOptions<IdempotencyOptions> options)
    : IIdempotencyStore
{
    public async Task<bool> TryClaimAsync(string key, string fingerprint, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var expires = now + options.Value.Retention;
        var wait = $"{(int)options.Value.InFlightWait.TotalMilliseconds}ms";
        await SetLockTimeoutAsync(wait, cancellationToken);
        try
        {
            var claimed = await db.Database.ExecuteSqlInterpolatedAsync(
                $"""
                INSERT INTO idempotency_keys (tenant_id, actor_id, key, fingerprint, created_utc, expires_utc)
                VALUES ({user.TenantId}, {user.ActorId}, {key}, {fingerprint}, {now}, {expires})
                ON CONFLICT (tenant_id, actor_id, key) DO UPDATE
                   SET fingerprint = EXCLUDED.fingerprint, created_utc = EXCLUDED.created_utc,
                       expires_utc = EXCLUDED.expires_utc, response_json = NULL
                 WHERE idempotency_keys.expires_utc < EXCLUDED.created_utc
                """,
                cancellationToken);
            await SetLockTimeoutAsync("0", cancellationToken);
            return claimed == 1;
        }
        catch (PostgresException ex) when (ex.SqlState == PostgresErrorCodes.LockNotAvailable)
        {
            throw new IdempotencyKeyInFlightException();
        }
    }

    public Task CompleteAsync(string key, string responseJson, CancellationToken cancellationToken) =>
        db.Database.ExecuteSqlInterpolatedAsync(
            $"UPDATE idempotency_keys SET response_json = {responseJson}::jsonb WHERE tenant_id = {user.TenantId} AND actor_id = {user.ActorId} AND key = {key}",
            cancellationToken);

    public Task<StoredResponse?> FindAsync(string key, CancellationToken cancellationToken) =>
        db.IdempotencyRecords.AsNoTracking()
            .Where(r => r.ActorId == user.ActorId && r.Key == key)
            .Select(r => new StoredResponse(r.Fingerprint, r.ResponseJson))
            .FirstOrDefaultAsync(cancellationToken);

    /// <summary>
    /// Bounds how long the claim waits for an in-flight twin; transaction-local, like SET LOCAL. Outside a transaction
    /// it would bound nothing, and a session-wide SET would stay on a server connection that a pooler in transaction
    /// mode hands to other clients next (ADR 0022): the claim only ever runs in the command's transaction.
    /// </summary>
    private Task SetLockTimeoutAsync(string value, CancellationToken cancellationToken)
    {
        if (db.Database.CurrentTransaction is null)
        {
            throw new InvalidOperationException("An Idempotency-Key is claimed inside the command's transaction only.");
        }

        return db.Database.SqlQuery<string>($"SELECT set_config('lock_timeout', {value}, true) AS \"Value\"").ToListAsync(cancellationToken);
    }
}
