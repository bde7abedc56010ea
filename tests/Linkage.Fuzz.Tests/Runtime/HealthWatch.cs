using System.Diagnostics;

namespace Linkage.Fuzz.Tests.Runtime;

/// <summary>
/// Asks <c>/health/live</c> every 50 ms while a case runs and keeps the slowest answer: a hostile input that took a core
/// for seconds (issue 23: four quadratic emails took the answer to 9.5 s) shows here, however the input itself answers.
/// API.md 1.1: four concurrent worst cases leave it answering within 1 s.
/// </summary>
public sealed class HealthWatch : IAsyncDisposable
{
    public static readonly TimeSpan Bound = TimeSpan.FromSeconds(1);

    private readonly CancellationTokenSource _stop = new();
    private readonly Task _watching;

    private HealthWatch(HttpClient client) => _watching = WatchAsync(client, _stop.Token);

    public TimeSpan Slowest { get; private set; }

    public int Asked { get; private set; }

    public static HealthWatch Start(HttpClient client) => new(client);

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _watching;
        _stop.Dispose();
    }

    private async Task WatchAsync(HttpClient client, CancellationToken stop)
    {
        while (!stop.IsCancellationRequested)
        {
            var clock = Stopwatch.StartNew();
            try
            {
                using var response = await client.GetAsync("/health/live", CancellationToken.None);
            }
            catch (HttpRequestException)
            {
                // A failed answer is as slow as it took; the case's own check after its probes says the API is down.
            }

            Slowest = clock.Elapsed > Slowest ? clock.Elapsed : Slowest;
            Asked++;
            try
            {
                await Task.Delay(50, stop);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }
}
