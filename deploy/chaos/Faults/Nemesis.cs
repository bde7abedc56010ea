using Linkage.Chaos.History;

namespace Linkage.Chaos.Faults;

/// <summary>
/// Injects the planned faults with podman, each at its time and each on its own (two may overlap), and logs when each
/// started and when the component was given back. A fault that could not be injected is recorded with its error; the
/// checker fails the run for it.
/// </summary>
public sealed class Nemesis(Containers containers, RunClock clock, TextWriter log)
{
    private readonly List<FaultRecord> _done = [];

    public IReadOnlyList<FaultRecord> Done
    {
        get
        {
            lock (_done)
            {
                return _done.OrderBy(f => f.Started).ToList();
            }
        }
    }

    public Task RunAsync(IReadOnlyList<PlannedFault> plan, CancellationToken ct) => Task.WhenAll(plan.Select(f => RunOne(f, ct)));

    private async Task RunOne(PlannedFault fault, CancellationToken ct)
    {
        var wait = fault.At - clock.Now;
        if (wait > 0)
        {
            await Task.Delay(TimeSpan.FromSeconds(wait), ct);
        }

        var container = containers.Of(fault.Target);
        var started = clock.Now;
        log.WriteLine($"# {clock.Wall(started)} t={started:0.0}s fault {fault.Kind} on {fault.Target} ({container})");
        string detail;
        string? error = null;
        try
        {
            detail = await Inject(fault, container);
        }
        catch (Exception ex)
        {
            detail = "not injected";
            error = ex.Message;
            await Podman.RunAsync(TimeSpan.FromSeconds(60), "start", container);
        }

        var ended = clock.Now;
        log.WriteLine($"# {clock.Wall(ended)} t={ended:0.0}s healed {fault.Kind} on {fault.Target}: {detail}{(error is null ? "" : " ERROR " + error)}");
        lock (_done)
        {
            _done.Add(new FaultRecord(fault.Kind, fault.Target, started, ended, detail, error) { StartedWall = clock.Wall(started) });
        }
    }

    private async Task<string> Inject(PlannedFault fault, string container)
    {
        var duration = TimeSpan.FromSeconds(fault.Duration);
        switch (fault.Kind)
        {
            case FaultKinds.ReplicaKill:
                await Podman.MustAsync("kill", "--signal", "KILL", container);
                await WaitUntilStopped(container);
                await Task.Delay(duration);
                await Podman.MustAsync("start", container);
                return $"SIGKILL, down {fault.Duration:0} s, started again";
            case FaultKinds.ReplicaStop:
                await Podman.MustAsync("kill", "--signal", "STOP", container);
                await Task.Delay(duration);
                await Podman.MustAsync("kill", "--signal", "CONT", container);
                return $"SIGSTOP for {fault.Duration:0} s, then SIGCONT";
            case FaultKinds.PostgresFast:
                // The image's stop signal is SIGINT (fast shutdown: open transactions rolled back, a clean checkpoint).
                await Podman.MustAsync("stop", "--time", "60", container);
                await Task.Delay(duration);
                await Podman.MustAsync("start", container);
                return $"SIGINT (fast shutdown), down {fault.Duration:0} s, started again";
            case FaultKinds.PostgresImmediate:
                return await Crash(container, duration);
            case FaultKinds.PgBouncerRestart:
                await Podman.MustAsync("restart", "--time", "5", container);
                return "restarted (SIGTERM: its immediate shutdown, every connection dropped)";
            case FaultKinds.RedisStop:
                await Podman.MustAsync("stop", "--time", "5", container);
                await Task.Delay(duration);
                await Podman.MustAsync("start", container);
                return $"stopped for {fault.Duration:0} s, started again";
            default:
                throw new ArgumentException($"unknown fault {fault.Kind}");
        }
    }

    /// <summary>SIGQUIT: PostgreSQL's immediate shutdown, a crash; its restart policy may start it again at once.</summary>
    private static async Task<string> Crash(string container, TimeSpan duration)
    {
        var startedAt = await Podman.InspectAsync(container, "{{.State.StartedAt}}");
        await Podman.MustAsync("kill", "--signal", "QUIT", container);
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (DateTime.UtcNow < deadline)
        {
            var state = await Podman.InspectAsync(container, "{{.State.Running}} {{.State.StartedAt}}");
            if (state is not null && state.StartsWith("false", StringComparison.Ordinal))
            {
                await Task.Delay(duration);
                await Podman.MustAsync("start", container);
                return $"SIGQUIT (immediate shutdown: crash recovery at start), down {duration.TotalSeconds:0} s, started again";
            }

            if (state is not null && !state.EndsWith(startedAt ?? "?", StringComparison.Ordinal))
            {
                return "SIGQUIT (immediate shutdown: crash recovery at start), started again at once by its restart policy";
            }

            await Task.Delay(100);
        }

        throw new TimeoutException($"{container} did not stop within 30 s of SIGQUIT");
    }

    private static async Task WaitUntilStopped(string container)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (await Podman.IsRunningAsync(container) && DateTime.UtcNow < deadline)
        {
            await Task.Delay(100);
        }
    }
}
