using System.Globalization;
using System.Text;
using Linkage.Chaos.History;

namespace Linkage.Chaos.Checking;

/// <summary>
/// The run's report (issue 29), printed and written beside the run as <c>report.md</c>: operations by type and outcome,
/// the faults with their times and the recovery after each, 5xx by kind, the invariants with what each checked, and
/// every violation. Each invariant is also one TAP line (<c>ok N - ...</c>), which the Test target counts as a test.
/// </summary>
public static class Report
{
    public static string Markdown(RunRecord run, IReadOnlyList<CheckResult> results)
    {
        var s = new StringBuilder();
        var settings = run.Settings;
        var violations = results.Sum(r => r.Violations.Count);
        s.AppendLine(CultureInfo.InvariantCulture, $"# Chaos run {settings.StartedUtc}");
        s.AppendLine();
        s.AppendLine(CultureInfo.InvariantCulture, $"Seed {settings.Seed}, {settings.Clients} clients, workload {settings.WorkloadSeconds:0} s, replicas {string.Join(", ", settings.Replicas)}. State read back in {run.State.ReadRounds} round(s).");
        s.AppendLine();
        s.AppendLine(CultureInfo.InvariantCulture, $"**Result: {(violations == 0 ? "PASSED" : "FAILED")}, {violations} violation(s).**");
        s.AppendLine();

        s.AppendLine("## Operations by type and outcome");
        s.AppendLine();
        s.AppendLine("| operation | ok | fail (definite) | info (indeterminate) |");
        s.AppendLine("|---|---:|---:|---:|");
        foreach (var group in run.History.GroupBy(o => o.F).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            s.AppendLine(CultureInfo.InvariantCulture, $"| {group.Key} | {group.Count(o => o.Type == Outcome.Ok)} | {group.Count(o => o.Type == Outcome.Fail)} | {group.Count(o => o.Type == Outcome.Info)} |");
        }

        s.AppendLine(CultureInfo.InvariantCulture, $"| **all** | {run.History.Count(o => o.Type == Outcome.Ok)} | {run.History.Count(o => o.Type == Outcome.Fail)} | {run.History.Count(o => o.Type == Outcome.Info)} |");
        s.AppendLine();
        var failures = run.History.Where(o => o.Type == Outcome.Fail).GroupBy(o => $"{o.Status} {o.Code}").OrderByDescending(g => g.Count());
        s.AppendLine("Definite failures by answer: " + Join(failures.Select(g => $"{g.Key} x {g.Count()}")));
        var unknown = run.History.Where(o => o.Type == Outcome.Info).GroupBy(o => o.Status?.ToString(CultureInfo.InvariantCulture) ?? Short(o.Error)).OrderByDescending(g => g.Count());
        s.AppendLine();
        s.AppendLine("Indeterminate by answer: " + Join(unknown.Select(g => $"{g.Key} x {g.Count()}")));
        s.AppendLine();

        s.AppendLine("## Faults");
        s.AppendLine();
        s.AppendLine("| started (UTC) | t (s) | fault | target | healed at t (s) | all replicas ready after (s) | what was done |");
        s.AppendLine("|---|---:|---|---|---:|---:|---|");
        foreach (var fault in run.Faults)
        {
            var ready = Recovery.ReadyAfter(fault, run.Readiness, settings.Replicas);
            s.AppendLine(CultureInfo.InvariantCulture, $"| {fault.StartedWall} | {fault.Started:0.0} | {fault.Kind} | {fault.Target} | {fault.Ended:0.0} | {(ready is null ? "never" : ready.Value.ToString("0.0", CultureInfo.InvariantCulture))} | {fault.Detail}{(fault.Error is null ? "" : " ERROR: " + fault.Error)} |");
        }

        s.AppendLine();
        s.AppendLine("## 5xx by kind");
        s.AppendLine();
        s.AppendLine(Join(ServerErrors.ByKind(run.History).Select(k => $"{k.Kind} x {k.Count}")));
        s.AppendLine();

        Events(s, run);
        if (run.Rss.Count > 0)
        {
            s.AppendLine("## Peak RSS per replica (MiB) against time");
            s.AppendLine();
            var replicas = run.Rss.Select(r => r.Replica).Distinct().Order(StringComparer.Ordinal).ToList();
            s.AppendLine("| minute | " + string.Join(" | ", replicas) + " |");
            s.AppendLine("|---:|" + string.Concat(replicas.Select(_ => "---:|")));
            foreach (var minute in run.Rss.GroupBy(r => (int)(r.At / 60)).OrderBy(g => g.Key))
            {
                var peaks = replicas.Select(r => minute.Where(x => x.Replica == r).Select(x => x.RssKb).DefaultIfEmpty(-1).Max() is var kb and >= 0 ? MemoryFlat.Mib(kb) : "-");
                s.AppendLine(CultureInfo.InvariantCulture, $"| {minute.Key} | {string.Join(" | ", peaks)} |");
            }

            s.AppendLine();
            s.AppendLine("Processes per replica (each SIGKILL starts a new one): " + string.Join(", ", replicas.Select(r => $"{r} {run.Rss.Where(x => x.Replica == r).Select(x => x.Pid).Distinct().Count()}")) + ".");
            var trends = MemoryFlat.Trends(run);
            if (trends.Count > 0)
            {
                s.AppendLine();
                s.AppendLine("Trend after the first 5 minutes (peak of minutes 5-10 -> peak of the last 5 minutes): "
                    + string.Join(", ", trends.Select(t => $"{t.Replica} {MemoryFlat.Mib(t.BaselineKb)} -> {MemoryFlat.Mib(t.LastKb)} MiB ({(t.LastKb - t.BaselineKb) * 100.0 / Math.Max(1, t.BaselineKb):+0.0;-0.0;0} %)")) + ".");
            }

            s.AppendLine();
        }

        s.AppendLine("## Invariants");
        s.AppendLine();
        s.AppendLine("| invariant | promise | checked | violations |");
        s.AppendLine("|---|---|---:|---:|");
        foreach (var result in results)
        {
            s.AppendLine(CultureInfo.InvariantCulture, $"| {result.Name} | {result.Description} | {result.Checked} | {result.Violations.Count} |");
        }

        s.AppendLine();
        s.AppendLine(CultureInfo.InvariantCulture, $"## Violations ({violations})");
        s.AppendLine();
        foreach (var violation in results.SelectMany(r => r.Violations))
        {
            s.AppendLine(CultureInfo.InvariantCulture, $"- [{violation.Check}] {violation.What}");
        }

        return s.ToString();
    }

    /// <summary>What the feed reader, the stream and the webhook receiver saw.</summary>
    private static void Events(StringBuilder s, RunRecord run)
    {
        if (run.Events is not { } events)
        {
            return;
        }

        var deliveries = events.Deliveries;
        var delivered = deliveries.Where(d => d.Succeeded).Select(d => d.WebhookId).Distinct(StringComparer.Ordinal).Count();
        var refused = deliveries.Where(d => !d.Succeeded).Select(d => d.WebhookId).Distinct(StringComparer.Ordinal).ToList();
        s.AppendLine("## Events, stream and deliveries");
        s.AppendLine();
        s.AppendLine(CultureInfo.InvariantCulture, $"- Feed: {events.Feed.Count} events read by following nextCursor ({events.Feed.Select(e => e.Resource).Distinct(StringComparer.Ordinal).Count()} resources){(events.FeedDrained ? ", ending with an empty page after the state settled" : ", NOT drained")}; {CommittedChanges.Of(run).Count()} committed changes looked up in it.");
        s.AppendLine(CultureInfo.InvariantCulture, $"- Stream: {events.Stream.Count} events over {events.StreamConnections} connection(s), each resumed with Last-Event-ID.");
        foreach (var end in events.StreamEnds.Take(30))
        {
            s.AppendLine(CultureInfo.InvariantCulture, $"  - {end}");
        }

        s.AppendLine(CultureInfo.InvariantCulture, $"- Webhooks: {deliveries.Count} POSTs received, {delivered} events delivered with a 2xx; {refused.Count} events refused once on purpose (503 Retry-After: 1) and {refused.Count(id => deliveries.Any(d => d.WebhookId == id && d.Succeeded))} of them delivered on a later attempt; {WebhookDeliveries.Duplicates(events)} webhook-ids succeeded twice (allowed only in a crash window); {deliveries.Count(d => !d.SignatureValid)} bad signatures.");
        s.AppendLine(CultureInfo.InvariantCulture, $"- Drain after the state settled: {events.DrainSeconds:0.0} s.");
        s.AppendLine();
    }

    /// <summary>One TAP line per invariant, with its violations (at most 20 each) as comments below a failed one.</summary>
    public static IEnumerable<string> Tap(IReadOnlyList<CheckResult> results)
    {
        yield return $"1..{results.Count}";
        for (var i = 0; i < results.Count; i++)
        {
            var r = results[i];
            yield return r.Passed
                ? $"ok {i + 1} - chaos {r.Name}: {r.Description} ({r.Checked} checked)"
                : $"not ok {i + 1} - chaos {r.Name}: {r.Violations.Count} violation(s) of: {r.Description}";
            foreach (var v in r.Violations.Take(20))
            {
                yield return $"#   {v.What}";
            }
        }
    }

    private static string Join(IEnumerable<string> items)
    {
        var list = items.ToList();
        return list.Count == 0 ? "none" : string.Join(", ", list);
    }

    private static string Short(string? error) => error is null ? "no answer" : error.Length <= 60 ? error : error[..60];
}
