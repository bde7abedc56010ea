using Linkage.Infrastructure.Persistence;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Linkage.Infrastructure.Idempotency;

/// <summary>
/// Removes expired keys in small batches in the background, so cleanup never holds locks long
/// enough to slow requests. Expired keys are already ignored by the claim, so timing is not critical.
/// </summary>
public sealed class IdempotencyCleanup(
    IServiceScopeFactory scopes,
    IOptions<IdempotencyOptions> options,
    TimeProvider time,
    ILogger<IdempotencyCleanup> logger) : BackgroundService
{
    private const int BatchSize = 1000;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.CleanupInterval, time);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await RemoveExpiredAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogWarning(ex, "Removing expired idempotency keys failed; will try again");
            }
        }
    }

    public async Task<int> RemoveExpiredAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<LinkageDbContext>();
        var now = time.GetUtcNow().UtcDateTime;
        var total = 0;
        int removed;
        do
        {
            removed = await db.Database.ExecuteSqlInterpolatedAsync(
                $"DELETE FROM idempotency_keys WHERE ctid IN (SELECT ctid FROM idempotency_keys WHERE expires_utc < {now} LIMIT {BatchSize})",
                cancellationToken);
            total += removed;
        }
        while (removed == BatchSize && !cancellationToken.IsCancellationRequested);

        return total;
    }
}
