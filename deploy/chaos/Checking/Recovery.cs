using Linkage.Chaos.History;

namespace Linkage.Chaos.Checking;

/// <summary>
/// When the system was whole again after each fault: the first moment at or after the fault ended at which every replica
/// answered /health/ready (from the replicas' readiness changes), or null when that never happened within the run.
/// </summary>
public static class Recovery
{
    /// <summary>How long a replica may take to be ready again after a fault ended (issue 29).</summary>
    public const double ReadyWithinSeconds = 30;

    /// <summary>Seconds from the fault's end until every replica was ready, or null when they never all were.</summary>
    public static double? ReadyAfter(FaultRecord fault, IReadOnlyList<ReadinessSample> samples, IReadOnlyList<string> replicas)
    {
        var candidates = samples.Where(s => s.At > fault.Ended && s.Ready).Select(s => s.At).Prepend(fault.Ended).Order();
        foreach (var at in candidates)
        {
            if (replicas.All(r => ReadyAt(samples, r, at)))
            {
                return Math.Round(at - fault.Ended, 1);
            }
        }

        return null;
    }

    /// <summary>The replica's readiness at a moment: its last change at or before it (not ready before its first).</summary>
    public static bool ReadyAt(IReadOnlyList<ReadinessSample> samples, string replica, double at) =>
        samples.LastOrDefault(s => s.Replica == replica && s.At <= at)?.Ready == true;

    /// <summary>
    /// The windows in which the database was unreachable for the replicas, from a fault's start until every replica was
    /// ready again after it (or the limit of <see cref="ReadyWithinSeconds"/>), widened by the API's own bound of 10 s
    /// for answering a request that was waiting on the database (API.md 1.8).
    /// </summary>
    public static IReadOnlyList<(double From, double To, FaultRecord Fault)> DatabaseDown(RunRecord run) =>
        run.Faults.Where(f => FaultKinds.TakesDatabaseAway(f.Kind))
            .Select(f => (f.Started, f.Ended + (ReadyAfter(f, run.Readiness, run.Settings.Replicas) ?? ReadyWithinSeconds) + 10, f))
            .ToList();

    /// <summary>The windows in which a replica was away (killed or frozen): until it was ready again, plus 10 s.</summary>
    public static IReadOnlyList<(double From, double To, FaultRecord Fault)> ReplicaAway(RunRecord run) =>
        run.Faults.Where(f => FaultKinds.TakesReplicaAway(f.Kind))
            .Select(f => (f.Started, f.Ended + (ReadyAfter(f, run.Readiness, run.Settings.Replicas) ?? ReadyWithinSeconds) + 10, f))
            .ToList();
}

/// <summary>Every replica answered /health/ready within 30 s of each fault's end.</summary>
public sealed class ReadyAfterFaults : IInvariant
{
    public string Name => "ready-after-faults";

    public string Description => $"every replica was ready within {Recovery.ReadyWithinSeconds:0} s of each fault ending";

    public CheckResult Check(RunRecord run)
    {
        var findings = new Findings(Name);
        foreach (var fault in run.Faults)
        {
            findings.Checked++;
            var after = Recovery.ReadyAfter(fault, run.Readiness, run.Settings.Replicas);
            if (after is null or > Recovery.ReadyWithinSeconds)
            {
                var late = run.Settings.Replicas.Where(r => !Recovery.ReadyAt(run.Readiness, r, fault.Ended + Recovery.ReadyWithinSeconds));
                findings.Add($"after {fault.Kind} on {fault.Target} ended at t={fault.Ended:0.0}s, "
                    + (after is null ? "the replicas were never all ready again" : $"the replicas were all ready only after {after:0.0} s")
                    + $" (not ready at +{Recovery.ReadyWithinSeconds:0} s: {string.Join(", ", late)})");
            }
        }

        return findings.Result(Description);
    }
}

/// <summary>
/// The only 5xx the API may answer is 503 <c>Unavailable</c> with <c>Retry-After</c>, and only while the database was
/// down (API.md 1.3, 1.8). A 5xx that the proxy wrote itself (no traceId: a 502 or 504 for a request that a killed or
/// frozen replica held, a 503 Unavailable with Retry-After when it had no ready replica) is allowed only while a replica was away or the database
/// down; any other is a violation. Redis stopped alone allows none.
/// </summary>
public sealed class ServerErrors : IInvariant
{
    public string Name => "server-errors";

    public string Description => "every 5xx was a 503 Unavailable with Retry-After while the database was down (or the proxy's, for a request held by a killed or frozen replica)";

    public CheckResult Check(RunRecord run)
    {
        var findings = new Findings(Name);
        var databaseDown = Recovery.DatabaseDown(run);
        var replicaAway = Recovery.ReplicaAway(run);
        foreach (var op in run.History.Where(o => o.Status >= 500))
        {
            findings.Checked++;
            var inDatabaseDown = databaseDown.Any(w => op.Overlaps(w.From, w.To));
            var what = $"{op.F} by {op.Process} answered {op.Status} {op.Code ?? "(no problem body)"}{(op.RetryAfter ? " with Retry-After" : "")} at t={op.Completed:0.0}s";
            var trace = op.TraceId is null ? string.Empty : $" (trace {op.TraceId})";
            if (op.Source == "api")
            {
                if (op.Status != 503 || op.Code != "Unavailable" || !op.RetryAfter)
                {
                    findings.Add($"{what}: the API's only 5xx is 503 Unavailable with Retry-After{trace}");
                }
                else if (!inDatabaseDown)
                {
                    findings.Add($"{what}, while the database was not down{trace}");
                }
            }
            else if (!inDatabaseDown && !replicaAway.Any(w => op.Overlaps(w.From, w.To)))
            {
                findings.Add($"{what}: the proxy's 5xx while no replica was away and the database was up");
            }
        }

        return findings.Result(Description);
    }

    /// <summary>The 5xx of a history by kind (<c>503 Unavailable (api)</c>, <c>502 (proxy)</c>), for the report.</summary>
    public static IReadOnlyList<(string Kind, int Count)> ByKind(IEnumerable<Op> history) =>
        history.Where(o => o.Status >= 500)
            .GroupBy(o => $"{o.Status} {o.Code ?? "-"}{(o.RetryAfter ? " Retry-After" : "")} ({o.Source})")
            .Select(g => (g.Key, g.Count()))
            .OrderBy(k => k.Key, StringComparer.Ordinal)
            .ToList();
}
