using System.Collections.Concurrent;

namespace Linkage.WebhookReceiver;

/// <summary>What arrived: every verified delivery by its <c>webhook-id</c>, the first arrival's delay after the event's commit.</summary>
public sealed class Tally(TimeProvider time)
{
    private readonly object _gate = new();
    private ConcurrentDictionary<string, Arrival> _byId = new();
    private long _accepted;
    private long _rejected;

    public void Accepted(string webhookId, DateTimeOffset? occurredUtc)
    {
        var now = time.GetUtcNow();
        lock (_gate)
        {
            _accepted++;
            _byId.AddOrUpdate(webhookId, _ => new Arrival(now, occurredUtc, 1), (_, seen) => seen with { Count = seen.Count + 1 });
        }
    }

    public void Rejected() => Interlocked.Increment(ref _rejected);

    public void Reset()
    {
        lock (_gate)
        {
            _byId = new ConcurrentDictionary<string, Arrival>();
            _accepted = 0;
            Interlocked.Exchange(ref _rejected, 0);
        }
    }

    /// <summary>
    /// Counts (accepted: 2xx answers, rejected: signatures that did not verify, distinct ids, duplicates: accepted beyond the
    /// first per id), the first and last first-arrivals, and the commit-to-first-arrival delays in milliseconds (p50, p95, max).
    /// </summary>
    public object Snapshot()
    {
        lock (_gate)
        {
            var arrivals = _byId.Values.ToList();
            var delays = arrivals.Where(a => a.OccurredUtc is not null)
                .Select(a => (a.FirstUtc - a.OccurredUtc!.Value).TotalMilliseconds).Order().ToList();
            return new
            {
                accepted = _accepted,
                rejected = Interlocked.Read(ref _rejected),
                distinct = arrivals.Count,
                duplicates = _accepted - arrivals.Count,
                firstArrivalUtc = arrivals.Count == 0 ? (DateTimeOffset?)null : arrivals.Min(a => a.FirstUtc),
                lastArrivalUtc = arrivals.Count == 0 ? (DateTimeOffset?)null : arrivals.Max(a => a.FirstUtc),
                delayMs = new { count = delays.Count, p50 = Percentile(delays, 0.50), p95 = Percentile(delays, 0.95), max = delays.LastOrDefault() },
            };
        }
    }

    private static double Percentile(List<double> sorted, double share) =>
        sorted.Count == 0 ? 0 : sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(share * sorted.Count) - 1)];

    private sealed record Arrival(DateTimeOffset FirstUtc, DateTimeOffset? OccurredUtc, int Count);
}
