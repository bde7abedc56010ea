using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Linkage.Infrastructure.Persistence;

/// <summary>
/// Background removal of rows past their time, run by every replica once per interval (expired idempotency keys, events
/// past retention, old webhook deliveries). Each round claims what it removes in the database, so replicas never remove the
/// same rows; a failed round is logged at Warning and the next one tries again.
/// </summary>
public abstract class PeriodicCleanup(TimeSpan interval, TimeProvider time, ILogger logger, string what) : BackgroundService
{
    /// <summary>The clock every round judges age by (tests move it).</summary>
    protected TimeProvider Time { get; } = time;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(interval, Time);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await RunRoundAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogWarning(ex, "{Cleanup} failed; will try again", what);
            }
        }
    }

    /// <summary>One round of removal.</summary>
    protected abstract Task RunRoundAsync(CancellationToken cancellationToken);
}
