using System.Text.Json.Nodes;
using Linkage.Chaos.Checking;
using Linkage.Chaos.Events;
using Linkage.Chaos.Faults;
using Linkage.Chaos.History;
using Linkage.Chaos.Http;
using Linkage.Chaos.Workload;

namespace Linkage.Chaos;

/// <summary>
/// One chaos run: makes the shared records, runs the clients and the fault schedule at once while watching the replicas,
/// waits until every fault healed and every replica is ready, reads the state back until it settles, and judges it.
/// Writes <c>history.jsonl</c>, <c>run.json</c> (everything the checker read) and <c>report.md</c> into the out folder.
/// </summary>
public static class ChaosRun
{
    public static async Task<int> RunAsync(Options options)
    {
        var baseUri = new Uri(options.Require("base-url"));
        var signingKey = options.Require("signing-key");
        var replicas = options.All("replica").Select(r => r.Split('=', 2)).ToDictionary(p => p[0], p => p[^1]);
        if (replicas.Count < 2)
        {
            throw new ArgumentException("give every replica as --replica NAME=CONTAINER");
        }

        var containers = new Containers(replicas, options.Require("postgres"), options.Require("pgbouncer"), options.Require("redis"));
        var output = Directory.CreateDirectory(options.Require("out")).FullName;
        var minutes = options.Number("minutes", 3);
        var clients = (int)options.Number("clients", 16);
        var seed = (long)options.Number("seed", Random.Shared.Next());
        var workload = TimeSpan.FromSeconds(Math.Max(minutes * 60, FaultSchedule.MinimumSeconds));
        var tenant = $"chaos-{seed}";
        var log = Console.Out;
        var clock = new RunClock();

        // Nothing may run unbounded: the whole run gets its workload, the faults' tail, the read-back and the drain.
        using var hardStop = new CancellationTokenSource(workload + TimeSpan.FromMinutes(10));
        using var admin = new ApiClient(baseUri, Tokens.Mint(signingKey, "chaos-setup", tenant, TimeSpan.FromHours(2)), clock, TimeSpan.FromSeconds(30));
        log.WriteLine($"# chaos: seed {seed}, {clients} clients, workload {workload.TotalSeconds:0} s, tenant {tenant}, against {baseUri}");
        using var history = new HistoryLog(Path.Combine(output, "history.jsonl"));

        // The followers exist before the tenant's first change, so each must see every event: the webhook endpoint (its
        // deliveries start at the head when it is made), the stream (it starts at the head) and the feed reader (from
        // the oldest event).
        var receiver = new ReceiverLog(options.Require("receiver-dir"), clock);
        await receiver.WaitReadyAsync(hardStop.Token);
        await receiver.WriteSecretAsync(await CreateEndpointAsync(admin, options.Require("receiver-url"), hardStop.Token), hardStop.Token);
        using var feedApi = new ApiClient(baseUri, Tokens.Mint(signingKey, "chaos-feed", tenant, TimeSpan.FromHours(2)), clock, Clients.RequestTimeout);
        var feed = new FeedFollower(feedApi, history);
        using var stream = new StreamFollower(baseUri, Tokens.Mint(signingKey, "chaos-stream", tenant, TimeSpan.FromHours(2)), clock, history);
        await stream.StartAsync(hardStop.Token);
        feed.Start(hardStop.Token);

        var world = await new WorldSetup(admin, log).CreateAsync(hardStop.Token);
        log.WriteLine($"# chaos: {world.SharedContacts.Count} shared contacts with {world.NetworkLinks.Count()} links, {world.Pairs.Count} pairs, {world.NoteSubjects.Count} note subjects made");

        using var stopWatching = CancellationTokenSource.CreateLinkedTokenSource(hardStop.Token);
        var watch = new ReplicaWatch(containers, clock);
        var watching = watch.RunAsync(stopWatching.Token);

        var startedAt = clock.Now;
        var plan = FaultSchedule.Plan(seed, workload.TotalSeconds, containers.Replicas.Keys.Order(StringComparer.Ordinal).ToList())
            .Select(f => f with { At = f.At + startedAt })
            .ToList();
        log.WriteLine($"# chaos: {plan.Count} faults planned: {string.Join(", ", plan.Select(f => $"{f.Kind}@{f.At:0}s"))}");
        var nemesis = new Nemesis(containers, clock, log);
        var faults = nemesis.RunAsync(plan, hardStop.Token);
        await new Clients(baseUri, signingKey, tenant, clock, world, history, log).RunAsync(clients, seed, workload, hardStop.Token);
        var workloadSeconds = clock.Now - startedAt;
        await faults;
        log.WriteLine($"# chaos: workload ended after {workloadSeconds:0} s with {history.Snapshot().Count} operations; every fault healed");

        await WaitReady(watch, containers, clock, hardStop.Token);
        var state = await new StateReader(admin, world, log).ReadStableAsync(hardStop.Token);
        var events = await DrainAsync(feed, stream, receiver, clock, log, hardStop.Token);
        await stopWatching.CancelAsync();
        await watching;

        var run = new RunRecord
        {
            Settings = new RunSettings
            {
                Seed = seed, Clients = clients, Minutes = minutes, StartedUtc = clock.StartedUtc.ToString("yyyy-MM-dd HH:mm:ss 'UTC'", System.Globalization.CultureInfo.InvariantCulture),
                WorkloadSeconds = Math.Round(workloadSeconds, 1), Replicas = containers.Replicas.Keys.Order(StringComparer.Ordinal).ToList(),
            },
            World = world,
            History = history.Snapshot(),
            Faults = nemesis.Done,
            Readiness = watch.Readiness,
            Rss = watch.Rss,
            State = state,
            Events = events,
        };
        Json.Write(Path.Combine(output, "run.json"), run);
        var results = Checker.Run(run);
        var report = Report.Markdown(run, results);
        await File.WriteAllTextAsync(Path.Combine(output, "report.md"), report);
        foreach (var line in Report.Tap(results))
        {
            log.WriteLine(line);
        }

        log.WriteLine(string.Join(Environment.NewLine, report.Split('\n').Select(l => "# " + l.TrimEnd('\r'))));
        log.WriteLine($"# chaos: report in {Path.Combine(output, "report.md")}");
        return results.All(r => r.Passed) ? 0 : 1;
    }

    /// <summary>The run's webhook endpoint, delivering every event to the receiver; returns its secret.</summary>
    private static async Task<string> CreateEndpointAsync(ApiClient admin, string url, CancellationToken ct)
    {
        var answer = await admin.SendAsync(HttpMethod.Post, "/api/v1/webhooks", new JsonObject { ["url"] = url, ["description"] = "chaos receiver" }, ct);
        return answer.Ok && answer.Text("secret") is { } secret
            ? secret
            : throw new InvalidOperationException($"setup: POST /api/v1/webhooks answered {answer.Status?.ToString() ?? answer.Error}: {answer.Body?.ToJsonString()}");
    }

    /// <summary>
    /// After the state settled: the feed reader reads until a page is empty (it has every committed event), then the
    /// stream and the receiver get a bounded time to bring the same events (deliveries of the last faults' leases may
    /// take a retry or a lease's expiry, 40 s, to come).
    /// </summary>
    private static async Task<ObservedEvents> DrainAsync(FeedFollower feed, StreamFollower stream, ReceiverLog receiver, RunClock clock, TextWriter log, CancellationToken ct)
    {
        var started = clock.Now;
        var drained = await feed.StopAndDrainAsync(TimeSpan.FromSeconds(60), ct);
        var ids = feed.Seen.Select(e => e.Id).ToHashSet(StringComparer.Ordinal);
        await stream.CatchUpAsync(ids, TimeSpan.FromSeconds(60), ct);
        await stream.StopAsync();
        await receiver.CatchUpAsync(ids, TimeSpan.FromSeconds(150), ct);
        var events = new ObservedEvents
        {
            Feed = feed.Seen, FeedDrained = drained, Stream = stream.Seen, StreamConnections = stream.Connections, StreamEnds = stream.Ends,
            Deliveries = receiver.Read(), DrainSeconds = Math.Round(clock.Now - started, 1),
        };
        log.WriteLine($"# chaos: {events.Feed.Count} events in the feed{(drained ? "" : " (NOT drained)")}, {events.Stream.Count} on the stream over {events.StreamConnections} connection(s), {events.Deliveries.Count} webhook POSTs received; drained in {events.DrainSeconds:0.0} s");
        return events;
    }

    /// <summary>Waits (up to a minute) until every replica's last probe said ready, so the state is read from a whole system.</summary>
    private static async Task WaitReady(ReplicaWatch watch, Containers containers, RunClock clock, CancellationToken ct)
    {
        var until = clock.Now + 60;
        while (clock.Now < until && !containers.Replicas.Keys.All(r => Recovery.ReadyAt(watch.Readiness, r, clock.Now)))
        {
            await Task.Delay(500, ct);
        }

        await Task.Delay(TimeSpan.FromSeconds(3), ct);
    }
}
