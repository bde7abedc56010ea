using Linkage.Chaos.History;

namespace Linkage.Chaos.Checking;

/// <summary>The run proves something only when the workload ran: enough clients, and every operation succeeded sometimes.</summary>
public sealed class WorkloadRan : IInvariant
{
    public const int MinimumClients = 16;

    public string Name => "workload";

    public string Description => $"at least {MinimumClients} concurrent clients ran, and every kind of operation was acknowledged at least once";

    public CheckResult Check(RunRecord run)
    {
        var findings = new Findings(Name) { Checked = run.History.Count };
        if (run.Settings.Clients < MinimumClients)
        {
            findings.Add($"only {run.Settings.Clients} clients ran; the run needs at least {MinimumClients}");
        }

        foreach (var f in Ops.All.Where(f => !run.History.Any(o => o.F == f && o.Type == Outcome.Ok)))
        {
            findings.Add($"no {f} was acknowledged in {run.History.Count(o => o.F == f)} tries");
        }

        return findings.Result(Description);
    }
}

/// <summary>Every kind of fault was injected, and podman did what was asked each time.</summary>
public sealed class FaultsInjected : IInvariant
{
    public string Name => "faults";

    public string Description => "every fault of the schedule was injected and healed: " + string.Join(", ", FaultKinds.All);

    public CheckResult Check(RunRecord run)
    {
        var findings = new Findings(Name) { Checked = run.Faults.Count };
        foreach (var kind in FaultKinds.All.Where(k => run.Faults.All(f => f.Kind != k)))
        {
            findings.Add($"no {kind} was injected");
        }

        foreach (var fault in run.Faults.Where(f => f.Error is not null))
        {
            findings.Add($"{fault.Kind} on {fault.Target} at t={fault.Started:0.0}s was not injected: {fault.Error}");
        }

        return findings.Result(Description);
    }
}
