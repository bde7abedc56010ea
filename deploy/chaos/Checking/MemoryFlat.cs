using System.Globalization;
using Linkage.Chaos.History;

namespace Linkage.Chaos.Checking;

/// <summary>
/// In a soak (a workload of <see cref="MinimumSeconds"/> or more), no replica's memory grows after the first 5 minutes:
/// its peak resident set in the last 5 minutes is at most its peak in minutes 5-10 plus <see cref="AllowedGrowth"/>
/// (10 %, at least 32 MiB). A replica killed and restarted is one replica with a new process: its peak per window is
/// what the "peak RSS per replica against time" asks about. A shorter run has no trend to judge and checks nothing.
/// </summary>
public sealed class MemoryFlat : IInvariant
{
    public const double MinimumSeconds = 15 * 60;
    private const double WarmUp = 5 * 60;
    private const double Window = 5 * 60;

    public string Name => "rss-flat";

    public string Description => "in a soak, no replica's peak RSS in the last 5 minutes exceeds its peak of minutes 5-10 by more than 10 % (at least 32 MiB)";

    public static long AllowedGrowth(long baselineKb) => Math.Max(baselineKb / 10, 32 * 1024);

    public CheckResult Check(RunRecord run)
    {
        var findings = new Findings(Name);
        foreach (var trend in Trends(run))
        {
            findings.Checked++;
            if (trend.LastKb - trend.BaselineKb > AllowedGrowth(trend.BaselineKb))
            {
                findings.Add($"{trend.Replica}'s peak RSS grew from {Mib(trend.BaselineKb)} MiB (minutes 5-10) to {Mib(trend.LastKb)} MiB (the last 5 minutes, from t={trend.LastFrom:0}s)");
            }
        }

        return findings.Result(Description);
    }

    /// <summary>Each replica's peak RSS in minutes 5-10 and in the last 5 minutes; none when the run was too short.</summary>
    public static IReadOnlyList<(string Replica, long BaselineKb, long LastKb, double LastFrom)> Trends(RunRecord run)
    {
        var end = run.Rss.Count == 0 ? 0 : run.Rss.Max(s => s.At);
        if (end < MinimumSeconds)
        {
            return [];
        }

        return run.Rss.GroupBy(s => s.Replica).OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => (g.Key,
                g.Where(s => s.At >= WarmUp && s.At < WarmUp + Window).Select(s => s.RssKb).DefaultIfEmpty().Max(),
                g.Where(s => s.At >= end - Window).Select(s => s.RssKb).DefaultIfEmpty().Max(),
                end - Window))
            .ToList();
    }

    public static string Mib(long kb) => (kb / 1024.0).ToString("0", CultureInfo.InvariantCulture);
}
