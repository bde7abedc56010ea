using Linkage.Chaos.History;

namespace Linkage.Chaos.Checking;

/// <summary>One broken promise, said so that someone can find it in the history: which check, and what happened.</summary>
public sealed record Violation(string Check, string What);

/// <summary>What one invariant found: how many things it looked at, and every violation.</summary>
public sealed record CheckResult(string Name, string Description, int Checked, IReadOnlyList<Violation> Violations)
{
    public bool Passed => Violations.Count == 0;
}

/// <summary>A promise the run must keep, judged on the history and the state afterwards.</summary>
public interface IInvariant
{
    string Name { get; }

    /// <summary>What it promises, as the report and the test line say it.</summary>
    string Description { get; }

    CheckResult Check(RunRecord run);
}

/// <summary>Every invariant of the chaos run, in the order of the report.</summary>
public static class Checker
{
    public static readonly IReadOnlyList<IInvariant> Invariants =
    [
        new WorkloadRan(),
        new FaultsInjected(),
        new CreatesOnce(),
        new NetworkLinkVersions(),
        new OnePrimaryPerContact(),
        new OneLinkPerPair(),
        new TypedLinkVersions(),
        new NoteChains(),
        new EventFeed(),
        new EventStream(),
        new WebhookDeliveries(),
        new ServerErrors(),
        new ReadyAfterFaults(),
        new MemoryFlat(),
    ];

    public static IReadOnlyList<CheckResult> Run(RunRecord run) => Invariants.Select(i => Guarded(i, run)).ToList();

    /// <summary>A checker that throws on a history it did not expect fails its check, naming why, instead of the run.</summary>
    private static CheckResult Guarded(IInvariant invariant, RunRecord run)
    {
        try
        {
            return invariant.Check(run);
        }
        catch (Exception ex)
        {
            return new CheckResult(invariant.Name, invariant.Description, 0,
                [new Violation(invariant.Name, $"the check itself failed: {ex.GetType().Name}: {ex.Message}")]);
        }
    }
}

/// <summary>Collects violations and counts what was checked, for one invariant.</summary>
internal sealed class Findings(string name)
{
    private readonly List<Violation> _violations = [];

    public int Checked { get; set; }

    public void Add(string what) => _violations.Add(new Violation(name, what));

    public CheckResult Result(string description) => new(name, description, Checked, _violations);
}
