using Linkage.Application.Webhooks;
using Linkage.Infrastructure.Persistence;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Linkage.Infrastructure.Webhooks;

/// <summary>
/// Removes finished deliveries (succeeded or failed) created more than <see cref="WebhooksOptions.DeliveryRetention"/> ago
/// from the delivery log (ADR 0031). Each replica runs it; each batch is one statement that locks the rows it removes with
/// <c>FOR UPDATE SKIP LOCKED</c>, so replicas pruning at once take disjoint rows and never wait on each other, and a row
/// a manual retry has just locked (to make it pending again) is passed over. Pending deliveries are never removed.
/// </summary>
public sealed class WebhookDeliveryRetention(
    IServiceScopeFactory scopes, WebhooksOptions options, TimeProvider time, ILogger<WebhookDeliveryRetention> logger)
    : PeriodicCleanup(options.CleanupInterval, time, logger, "Removing old webhook deliveries")
{
    private const int BatchSize = 5000;

    /// <summary>At most this many batches per round, so a round ends even while deliveries keep expiring.</summary>
    private const int MaxBatchesPerRound = 200;

    // The status is tested again on the row as locked: a retry that made it pending meanwhile keeps it.
    private const string PruneSql = """
        DELETE FROM webhook_deliveries d
        USING (SELECT tenant_id, endpoint_id, id FROM webhook_deliveries
               WHERE status <> 'pending' AND created_utc < {0}
               LIMIT {1}
               FOR UPDATE SKIP LOCKED) old
        WHERE d.tenant_id = old.tenant_id AND d.endpoint_id = old.endpoint_id AND d.id = old.id AND d.status <> 'pending'
        """;

    protected override Task RunRoundAsync(CancellationToken cancellationToken) => PruneAsync(cancellationToken);

    /// <summary>One round: batches of expired deliveries until none is left (or the round's limit). Returns how many it removed.</summary>
    public async Task<int> PruneAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<LinkageDbContext>();
        var cutoff = (Time.GetUtcNow() - options.DeliveryRetention).UtcDateTime;
        var removed = 0;
        for (var batch = 0; batch < MaxBatchesPerRound; batch++)
        {
            var count = await db.Database.ExecuteSqlRawAsync(PruneSql, [cutoff, BatchSize], cancellationToken);
            removed += count;
            if (count < BatchSize)
            {
                break;
            }
        }

        if (removed > 0)
        {
            logger.LogInformation("Removed {Count} webhook deliveries created before {Cutoff:o}", removed, cutoff);
        }

        return removed;
    }
}
