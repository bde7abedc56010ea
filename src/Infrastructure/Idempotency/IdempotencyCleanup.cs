using Linkage.Infrastructure.Persistence;
using Microsoft.Extensions.DependencyInjection;
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
    ILogger<IdempotencyCleanup> logger) : PeriodicCleanup(options.Value.CleanupInterval, time, logger, "Removing expired idempotency keys")
{
    private const int BatchSize = 1000;

    protected override Task RunRoundAsync(CancellationToken cancellationToken) => RemoveExpiredAsync(cancellationToken);

    public async Task<int> RemoveExpiredAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<LinkageDbContext>();
        var now = Time.GetUtcNow().UtcDateTime;
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
