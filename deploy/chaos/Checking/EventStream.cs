using Linkage.Chaos.History;

namespace Linkage.Chaos.Checking;

/// <summary>
/// The SSE stream (API.md 7.2) across its reconnects: a client that resumes with <c>Last-Event-ID</c> after each end
/// misses nothing, gets nothing twice, and gets events in commit order (the feed's order). It opened before the tenant's
/// first change, so it must bring every event the feed holds.
/// </summary>
public sealed class EventStream : IInvariant
{
    public string Name => "stream";

    public string Description => "the SSE stream, resumed with Last-Event-ID after every end, brought every event of the feed once, in commit order";

    public CheckResult Check(RunRecord run)
    {
        var findings = new Findings(Name);
        if (run.Events is not { } events || events.StreamConnections == 0)
        {
            findings.Add("the run recorded no stream (no SSE client connected)");
            return findings.Result(Description);
        }

        var capped = new Capped(findings);
        var position = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < events.Feed.Count; i++)
        {
            position.TryAdd(events.Feed[i].Id, i);
        }

        var seen = new Dictionary<string, SeenEvent>(StringComparer.Ordinal);
        SeenEvent? previous = null;
        foreach (var e in events.Stream)
        {
            findings.Checked++;
            if (!seen.TryAdd(e.Id, e))
            {
                capped.Add("twice", $"the stream brought event {e.Id} ({e.Type} of {e.Resource}) twice: on connection {seen[e.Id].Connection} and again on connection {e.Connection}");
                continue;
            }

            if (previous is not null && position.TryGetValue(e.Id, out var at) && position.TryGetValue(previous.Id, out var before) && at < before)
            {
                capped.Add("order", $"the stream brought event {e.Id} (feed position {at}) after event {previous.Id} (feed position {before}) on connection {e.Connection}: not in commit order");
            }

            previous = e;
        }

        for (var i = 0; i < events.Feed.Count; i++)
        {
            var e = events.Feed[i];
            if (!seen.ContainsKey(e.Id))
            {
                var after = events.Feed.Take(i).Reverse().Select(f => seen.GetValueOrDefault(f.Id)).FirstOrDefault(s => s is not null);
                var next = events.Feed.Skip(i + 1).Select(f => seen.GetValueOrDefault(f.Id)).FirstOrDefault(s => s is not null);
                capped.Add("missing", $"the stream missed event {e.Id} ({e.Type} of {e.Resource}, feed position {i}), "
                    + (after is null ? "before its first event" : $"after event {after.Id} on connection {after.Connection}")
                    + (next is null ? ", and brought nothing after it" : next.Connection != after?.Connection ? $", across the reconnect to connection {next.Connection}" : $", within connection {next.Connection}"));
            }
        }

        return findings.Result(Description);
    }
}

/// <summary>
/// Webhook deliveries (API.md 8) under faults: every event of the feed reached the receiver with a 2xx (a refused
/// attempt is tried again), every POST carried a valid Standard Webhooks signature and its event's id as
/// <c>webhook-id</c>, and no <c>webhook-id</c> succeeded twice unless a crash came between a send and its record: a
/// replica killed or frozen (a frozen sender's timer outlives the answer), or the database gone when the attempt was to
/// be recorded. The window of such a crash reaches from 15 s before the fault (a send in flight, its record still to be
/// written) to 10 s after every replica was ready again.
/// </summary>
public sealed class WebhookDeliveries : IInvariant
{
    /// <summary>How long before a fault a delivery may have succeeded and still have its record lost to it.</summary>
    public const double SendBeforeFault = 15;

    public string Name => "webhooks";

    public string Description => "every event of the feed was delivered to the receiver with a 2xx and a valid signature, and no webhook-id succeeded twice outside a crash window";

    public CheckResult Check(RunRecord run)
    {
        var findings = new Findings(Name);
        if (run.Events is not { } events)
        {
            findings.Add("the run recorded no webhook deliveries (no receiver ran)");
            return findings.Result(Description);
        }

        var capped = new Capped(findings);
        foreach (var d in events.Deliveries)
        {
            findings.Checked++;
            if (!d.SignatureValid)
            {
                capped.Add("signature", $"the delivery of {d.WebhookId} at t={d.At:0.0}s carried no valid signature{(d.Problem is null ? "" : $" ({d.Problem})")}");
            }
            else if (d.EventId != d.WebhookId || d.Problem is not null)
            {
                capped.Add("body", $"the delivery of {d.WebhookId} at t={d.At:0.0}s carried event {d.EventId ?? "none"}{(d.Problem is null ? "" : $" ({d.Problem})")}");
            }
        }

        var succeeded = events.Deliveries.Where(d => d.Succeeded).ToLookup(d => d.WebhookId);
        foreach (var e in events.Feed)
        {
            if (!succeeded.Contains(e.Id))
            {
                var tries = events.Deliveries.Count(d => d.WebhookId == e.Id);
                capped.Add("missing", $"the receiver lacks event {e.Id} ({e.Type} of {e.Resource}, committed by t={e.At:0.0}s): {(tries == 0 ? "never delivered" : $"{tries} attempt(s), none answered 2xx")}");
            }
        }

        var windows = CrashWindows(run);
        foreach (var twice in succeeded.Where(g => g.Count() > 1))
        {
            var first = twice.MinBy(d => d.At)!;
            if (!windows.Any(w => first.At >= w.From && first.At <= w.To))
            {
                capped.Add("twice", $"webhook-id {twice.Key} ({first.Type} of {first.ResourceType} {first.ResourceId}) succeeded {twice.Count()} times, at t={string.Join(", t=", twice.Select(d => d.At.ToString("0.0", System.Globalization.CultureInfo.InvariantCulture)))}s, outside any crash window");
            }
        }

        return findings.Result(Description);
    }

    /// <summary>Where a second success of one webhook-id is allowed: around each fault of a replica or of the database.</summary>
    public static IReadOnlyList<(double From, double To)> CrashWindows(RunRecord run) =>
        Recovery.ReplicaAway(run).Concat(Recovery.DatabaseDown(run)).Select(w => (w.From - SendBeforeFault, w.To)).ToList();

    /// <summary>Deliveries whose one webhook-id succeeded more than once (each inside a crash window when the check passed).</summary>
    public static int Duplicates(ObservedEvents events) =>
        events.Deliveries.Where(d => d.Succeeded).GroupBy(d => d.WebhookId).Count(g => g.Count() > 1);
}
