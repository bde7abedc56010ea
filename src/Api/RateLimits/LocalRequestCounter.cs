using System.Collections.Concurrent;

namespace Linkage.Api.RateLimits;

/// <summary>
/// This replica's own counts: a fixed window per caller that starts with its first request, as Redis's does. Used
/// when no Redis is configured, and while the configured one does not answer (then each replica counts alone).
/// </summary>
public sealed class LocalRequestCounter(TimeProvider time) : IRequestCounter
{
    private readonly ConcurrentDictionary<string, Window> _windows = new(StringComparer.Ordinal);
    private DateTimeOffset _nextSweep = DateTimeOffset.MinValue;

    public ValueTask<RateCount> CountAsync(string key, int limit, CancellationToken cancellationToken) =>
        ValueTask.FromResult(Count(key, limit));

    public RateCount Count(string key, int limit)
    {
        var now = time.GetUtcNow();
        SweepIfDue(now);
        var window = _windows.GetOrAdd(key, static _ => new Window());
        lock (window)
        {
            if (now >= window.Ends)
            {
                window.Ends = now + RateLimitOptions.Window;
                window.Count = 0;
            }

            window.Count++;
            return new RateCount(limit, window.Count, window.Ends - now, Shared: false);
        }
    }

    /// <summary>Forgets the windows that ended a whole window ago, once a window, so idle callers cost no memory.</summary>
    private void SweepIfDue(DateTimeOffset now)
    {
        if (now < _nextSweep)
        {
            return;
        }

        _nextSweep = now + RateLimitOptions.Window;
        foreach (var (key, window) in _windows)
        {
            if (window.Ends + RateLimitOptions.Window <= now)
            {
                _windows.TryRemove(new KeyValuePair<string, Window>(key, window));
            }
        }
    }

    private sealed class Window
    {
        public DateTimeOffset Ends = DateTimeOffset.MinValue;

        public long Count;
    }
}
