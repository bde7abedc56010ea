namespace Linkage.Application.Common.Resources;

/// <summary>
/// Every resource the app serves, by its aggregate (<see cref="ResourceRegistration{TAggregate,TView}"/> adds each). Built, and
/// so checked, when the app starts: a description that disagrees with its view or input, or an aggregate described twice,
/// stops the start with every problem named (ADR 25). The change feed finds here, for any changed aggregate, its resource's
/// name, event kinds and read rights.
/// </summary>
public sealed class ResourceCatalog
{
    private readonly Dictionary<Type, IResourceDescription> _byAggregate = [];

    public ResourceCatalog(IEnumerable<IResourceDescription> descriptions)
    {
        All = descriptions.ToList();
        var problems = new List<string>();
        foreach (var description in All)
        {
            problems.AddRange(description.Problems().Select(p => $"{description}: {p}"));
            if (!_byAggregate.TryAdd(description.Aggregate, description))
            {
                problems.Add($"{description}: {description.Aggregate.Name} is described twice.");
            }
        }

        if (problems.Count > 0)
        {
            throw new InvalidOperationException("Resource descriptions that cannot serve:\n" + string.Join("\n", problems));
        }
    }

    public IReadOnlyList<IResourceDescription> All { get; }

    /// <summary>The description of <paramref name="aggregate"/>'s resource.</summary>
    public IResourceDescription Of(AggregateRoot aggregate) =>
        _byAggregate.TryGetValue(aggregate.GetType(), out var description)
            ? description
            : throw new InvalidOperationException($"{aggregate.GetType().Name} is no described resource.");
}
