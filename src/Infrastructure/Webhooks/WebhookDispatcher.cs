using System.Collections.Concurrent;
using Linkage.Application.Events;
using Linkage.Application.Webhooks;
using Linkage.Infrastructure.Persistence;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Linkage.Infrastructure.Webhooks;

/// <summary>
/// The delivery worker every replica runs (API.md 8, ADR 0030). Each round it (1) follows the feed for every endpoint
/// whose tenant has events it has not seen, one endpoint per claim of its <c>webhook_cursors</c> row
/// (<c>FOR UPDATE SKIP LOCKED</c>), writing one delivery per matching event and moving the cursor in the same transaction;
/// (2) claims due attempts (<see cref="WebhookAttempts"/>) up to its free slots and sends them in parallel, each recorded
/// when it ends. A slow or failing endpoint holds one slot per attempt for at most the timeout, and its failed deliveries
/// wait for their own next attempt, so no endpoint or later event waits behind it.
/// </summary>
public sealed class WebhookDispatcher(
    IServiceScopeFactory scopes, WebhookAttempts attempts, WebhooksOptions options, TimeProvider time, ILogger<WebhookDispatcher> logger)
    : BackgroundService
{
    private const int FeedPage = 500;
    private const int MaxClaimsPerRound = 200;

    private const string EnsureCursorsSql = """
        INSERT INTO webhook_cursors (tenant_id, endpoint_id, position)
        SELECT e.tenant_id, e.id, e.start_position FROM webhook_endpoints e
        WHERE e.deleted_utc IS NULL
          AND NOT EXISTS (SELECT 1 FROM webhook_cursors c WHERE c.tenant_id = e.tenant_id AND c.endpoint_id = e.id)
        ON CONFLICT DO NOTHING
        """;

    private const string ClaimCursorSql = """
        SELECT c.tenant_id AS "TenantId", c.endpoint_id AS "EndpointId", c.position AS "Position", e.types AS "Types"
        FROM webhook_cursors c
        JOIN webhook_endpoints e ON e.tenant_id = c.tenant_id AND e.id = c.endpoint_id
        JOIN event_heads h ON h.tenant_id = c.tenant_id
        WHERE e.enabled AND e.deleted_utc IS NULL AND h.position > c.position
        LIMIT 1
        FOR UPDATE OF c SKIP LOCKED
        """;

    private const string AddDeliveriesSql = """
        INSERT INTO webhook_deliveries (tenant_id, endpoint_id, id, event_id, event_type, payload, status, attempts, created_utc, next_attempt_utc)
        SELECT {0}, {1}, d.id, d.event_id, d.event_type, d.payload, 'pending', 0, {2}, {2}
        FROM unnest({3}, {4}, {5}, {6}) AS d(id, event_id, event_type, payload)
        ON CONFLICT (tenant_id, endpoint_id, event_id) DO NOTHING
        """;

    private readonly ConcurrentDictionary<Task, bool> _inFlight = new();
    private readonly SemaphoreSlim _wake = new(0);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var more = false;
            try
            {
                await FollowFeedsAsync(stoppingToken);
                more = await StartDueAttemptsAsync(stoppingToken);
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                logger.LogWarning(ex, "A round of webhook deliveries failed; the next round tries again");
            }

            if (!more)
            {
                try
                {
                    await _wake.WaitAsync(options.PollInterval, stoppingToken);
                }
                catch (OperationCanceledException)
                {
                    break;
                }
            }
        }

        // Attempts in flight are not cancelled (each has its timeout): they end and are recorded, so a restart resends none.
        await Task.WhenAll(_inFlight.Keys);
    }

    /// <summary>Writes the deliveries of the events each endpoint has not seen yet; returns how many endpoints it moved.</summary>
    public async Task<int> FollowFeedsAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<LinkageDbContext>();
        var feed = scope.ServiceProvider.GetRequiredService<IEventFeed>();
        await db.Database.ExecuteSqlRawAsync(EnsureCursorsSql, cancellationToken);

        var moved = 0;
        for (; moved < MaxClaimsPerRound; moved++)
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            // ClaimCursorSql limits itself (LIMIT 1 with its row lock): read as written, not wrapped in another LIMIT
            // (which EF also warns about at every start: First without OrderBy).
            var claim = (await db.Database.SqlQueryRaw<CursorClaim>(ClaimCursorSql).ToListAsync(cancellationToken)).SingleOrDefault();
            if (claim is null)
            {
                break;
            }

            var filter = EventFilter.OfKinds(claim.Types);
            FeedRead read;
            try
            {
                read = await feed.ReadAsync(claim.TenantId, new EventCursor(claim.Position), filter, FeedPage, cancellationToken);
            }
            catch (CursorExpiredException)
            {
                // Retention removed events the endpoint never saw (it was disabled longer than events are kept): go on from the oldest kept.
                logger.LogWarning("Webhook endpoint {EndpointId} missed events removed by retention", claim.EndpointId);
                read = await feed.ReadAsync(claim.TenantId, null, filter, FeedPage, cancellationToken);
            }

            if (read.Events.Count > 0)
            {
                var now = time.GetUtcNow();
                var events = read.Events.Select(e => e.View).ToList();
                await db.Database.ExecuteSqlRawAsync(
                    AddDeliveriesSql,
                    [
                        claim.TenantId, claim.EndpointId, now.UtcDateTime,
                        events.Select(_ => SequentialGuid.NextVersion7(now)).ToArray(),
                        events.Select(e => e.Id).ToArray(),
                        events.Select(e => e.Type).ToArray(),
                        events.Select(WebhookPayload.Of).ToArray(),
                    ],
                    cancellationToken);
            }

            await db.Database.ExecuteSqlInterpolatedAsync(
                $"UPDATE webhook_cursors SET position = {read.Next.Position} WHERE tenant_id = {claim.TenantId} AND endpoint_id = {claim.EndpointId}",
                cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }

        return moved;
    }

    /// <summary>Claims due attempts for the free slots and starts them; true when every slot was filled (more may be due).</summary>
    public async Task<bool> StartDueAttemptsAsync(CancellationToken cancellationToken)
    {
        var free = options.MaxConcurrentAttempts - _inFlight.Count;
        if (free <= 0)
        {
            return false;
        }

        var claimed = await attempts.ClaimAsync(free, cancellationToken);
        foreach (var attempt in claimed)
        {
            var running = attempts.RunAsync(attempt);
            _inFlight[running] = true;
            _ = running.ContinueWith(
                t =>
                {
                    _inFlight.TryRemove(t, out _);
                    _wake.Release();
                },
                CancellationToken.None,
                TaskContinuationOptions.ExecuteSynchronously,
                TaskScheduler.Default);
        }

        return claimed.Count == free;
    }

    public override void Dispose()
    {
        _wake.Dispose();
        base.Dispose();
    }

    private sealed class CursorClaim
    {
        public string TenantId { get; init; } = string.Empty;

        public Guid EndpointId { get; init; }

        public long Position { get; init; }

        public string[] Types { get; init; } = [];
    }
}
