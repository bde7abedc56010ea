using Linkage.Chaos.History;
using Linkage.Chaos.Http;

namespace Linkage.Chaos.Workload;

/// <summary>
/// What an operation of one client needs: its connection, its own seeded randomness, the shared records and the history.
/// A client is one logical process, as in Jepsen: it runs one operation at a time (a race's concurrent sub-requests are
/// named <c>c03.2</c>, <c>c03.3</c>).
/// </summary>
public sealed class OpContext(string process, ApiClient api, Random random, World world, HistoryLog history)
{
    private int _sequence;

    public string Process { get; } = process;

    public ApiClient Api { get; } = api;

    public Random Random { get; } = random;

    public World World { get; } = world;

    /// <summary>A value no other operation of the run uses: the client's name and a counter.</summary>
    public string Unique(string prefix) => $"{prefix}-{Process}-{++_sequence:D6}";

    public T Pick<T>(IReadOnlyList<T> items) => items[Random.Next(items.Count)];

    public Op Record(Op op) => history.Add(op);
}
