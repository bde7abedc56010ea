using Linkage.Application.Events;
using Linkage.Infrastructure.Persistence;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Linkage.Infrastructure.Events;

/// <summary>
/// Removes events older than <see cref="EventsOptions.Retention"/> (ADR 0028). Each replica runs it; a round claims
/// one tenant at a time by locking its <c>event_retention</c> row (<c>FOR UPDATE SKIP LOCKED</c>), so replicas never
/// prune the same tenant at once. It removes a prefix of the tenant's positions only, and records how far in the same
/// transaction, so a cursor is expired exactly when an event after it is gone.
/// </summary>
public sealed class EventRetention(IServiceScopeFactory scopes, EventsOptions options, TimeProvider time, ILogger<EventRetention> logger)
    : PeriodicCleanup(options.CleanupInterval, time, logger, "Removing expired events")
{
    private const int BatchSize = 5000;

    /// <summary>At most this many claims per round, so a round ends even while events keep expiring.</summary>
    private const int MaxClaimsPerRound = 1000;

    protected override Task RunRoundAsync(CancellationToken cancellationToken) => PruneAsync(cancellationToken);

    /// <summary>One round: every tenant due, one batch per claim. Returns how many events it removed.</summary>
    public async Task<int> PruneAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<LinkageDbContext>();
        var now = Time.GetUtcNow().UtcDateTime;
        await db.Database.ExecuteSqlInterpolatedAsync(
            $"INSERT INTO event_retention (tenant_id, pruned_through, next_run_utc) SELECT tenant_id, 0, {now} FROM event_heads ON CONFLICT (tenant_id) DO NOTHING",
            cancellationToken);

        var removed = 0;
        for (var claims = 0; claims < MaxClaimsPerRound; claims++)
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            // The statement limits itself (LIMIT 1 with its row lock): read as written, not wrapped in another LIMIT.
            var tenant = (await db.Database.SqlQuery<string>($"""
                SELECT tenant_id AS "Value" FROM event_retention WHERE next_run_utc <= {now}
                ORDER BY next_run_utc LIMIT 1 FOR UPDATE SKIP LOCKED
                """).ToListAsync(cancellationToken)).SingleOrDefault();
            if (tenant is null)
            {
                break;
            }

            var (count, more) = await PruneBatchAsync(db, tenant, now - options.Retention, cancellationToken);
            removed += count;
            var nextRun = more ? now : now + options.CleanupInterval;
            await db.Database.ExecuteSqlInterpolatedAsync(
                $"UPDATE event_retention SET next_run_utc = {nextRun} WHERE tenant_id = {tenant}", cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }

        return removed;
    }

    /// <summary>Removes the tenant's oldest events up to the first one younger than <paramref name="cutoff"/>, at most a batch.</summary>
    private static async Task<(int Removed, bool More)> PruneBatchAsync(LinkageDbContext db, string tenant, DateTime cutoff, CancellationToken cancellationToken)
    {
        var oldest = await db.Database.SqlQuery<OldEvent>($"""
            SELECT position AS "Position", occurred_utc AS "OccurredUtc" FROM events WHERE tenant_id = {tenant}
            ORDER BY position LIMIT {BatchSize}
            """).ToListAsync(cancellationToken);
        var expired = oldest.TakeWhile(e => e.OccurredUtc < cutoff).ToList();
        if (expired.Count == 0)
        {
            return (0, false);
        }

        var through = expired[^1].Position;
        var removed = await db.Database.ExecuteSqlInterpolatedAsync(
            $"DELETE FROM events WHERE tenant_id = {tenant} AND position <= {through}", cancellationToken);
        await db.Database.ExecuteSqlInterpolatedAsync(
            $"UPDATE event_retention SET pruned_through = greatest(pruned_through, {through}) WHERE tenant_id = {tenant}", cancellationToken);
        return (removed, expired.Count == BatchSize);
    }

    private sealed class OldEvent
    {
        public long Position { get; init; }

        public DateTime OccurredUtc { get; init; }
    }
}
