using System.Diagnostics;

namespace Linkage.Chaos.History;

/// <summary>The run's time: seconds since it started, from a monotonic clock (a wall clock may step).</summary>
public sealed class RunClock
{
    private readonly Stopwatch _watch = Stopwatch.StartNew();

    public DateTimeOffset StartedUtc { get; } = DateTimeOffset.UtcNow;

    public double Now => Math.Round(_watch.Elapsed.TotalSeconds, 3);

    public string Wall(double at) => StartedUtc.AddSeconds(at).ToString("HH:mm:ss.fff", System.Globalization.CultureInfo.InvariantCulture);
}
