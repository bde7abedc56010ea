using System.Text.RegularExpressions;

namespace Linkage.Application.Common.Resources;

/// <summary>
/// One resource described in one place, in its own folder (<c>Contacts/ContactResource.cs</c>): its name, its rights, its
/// shape (what a patch may write), its projection, how it patches and what its timeline records. The generic use cases
/// (<c>Resources/*</c>, <c>Patching/ApplyPatch</c>) read everything they need from it, and the change feed will find a
/// resource's read rights and event kinds here. Every description is checked when the app starts
/// (<see cref="ResourceCatalog"/>; ADR 25): a name that does not agree with the view or the input fails there, not in a request.
/// </summary>
public sealed partial class ResourceDescription<TAggregate, TView> : IResourceDescription
    where TAggregate : AggregateRoot
{
    private Func<TAggregate, TView>? _compiled;

    /// <summary>The resource's name in <c>snake_case</c>: the <c>resource.type</c> of its events (API.md 7.1), and, spaced, its noun in messages.</summary>
    public required string Name { get; init; }

    public required ResourceRights<TAggregate> Rights { get; init; }

    /// <summary>The view's properties, which of them a patch may write, and what a patched document is read as.</summary>
    public required ResourceShape Shape { get; init; }

    /// <summary>
    /// The view of one aggregate, as an expression that queries read with (<c>Select</c>, ADR 5), or null when a view needs
    /// more than its aggregate (a typed link's relationship type, a mask for the caller) and the resource's own reads build it.
    /// </summary>
    public required Expression<Func<TAggregate, TView>>? Projection { get; init; }

    /// <summary>
    /// The <see cref="IPatchable{TAggregate,TView}"/> that says what a patched document means for the aggregate (read as the
    /// shape's input, checked, applied), or null when the resource is not patched through <c>ApplyPatch</c>.
    /// </summary>
    public required Type? PatchedBy { get; init; }

    public required ResourceTimeline Timeline { get; init; }

    /// <summary>Whether a patch may carry If-Unmodified-Since instead of If-Match (contacts and companies, seed 003).</summary>
    public bool AcceptsIfUnmodifiedSince { get; init; }

    /// <summary>The filter of a list's <c>?q=</c> (API.md 2.1), given the query trimmed and lower-cased; null when the list takes none.</summary>
    public Func<string, Expression<Func<TAggregate, bool>>>? Search { get; init; }

    /// <summary>The resource's name as messages say it: <c>relationship type</c>.</summary>
    public string Noun => Name.Replace('_', ' ');

    Type IResourceDescription.Aggregate => typeof(TAggregate);

    Type IResourceDescription.View => typeof(TView);

    /// <summary>The view of an aggregate a command just changed or made, by the projection compiled once.</summary>
    public TView ViewOf(TAggregate aggregate) =>
        (_compiled ??= (Projection ?? throw new InvalidOperationException($"A {Noun}'s view is built by its own reads, not projected.")).Compile())(aggregate);

    RequiredRights IResourceDescription.ReadRightsOf(AggregateRoot aggregate) => Rights.Read.Of((TAggregate)aggregate);

    public IReadOnlyList<string> Problems()
    {
        var problems = new List<string>();
        void Require(bool holds, string problem)
        {
            if (!holds)
            {
                problems.Add(problem);
            }
        }

        Require(Name is not null && SnakeCase().IsMatch(Name), $"'{Name}' is no resource name (snake_case, as API.md 7.1 names resources).");
        Require(Rights?.Read is not null, "The rights of reading are not said.");
        Require(Rights?.Edit is not null, "The rights of changing are not said.");
        Require(Shape is not null, "The shape is not said.");
        if (Shape is not null)
        {
            Require(Shape.Noun == Noun, $"The shape calls the resource '{Shape.Noun}', its description '{Noun}'.");
            problems.AddRange(Shape.Problems);
        }

        Require(
            PatchedBy is null || (PatchedBy.IsClass && !PatchedBy.IsAbstract && typeof(IPatchable<TAggregate, TView>).IsAssignableFrom(PatchedBy)),
            $"{PatchedBy?.Name} does not patch a {typeof(TAggregate).Name} as a {typeof(TView).Name} (IPatchable<{typeof(TAggregate).Name}, {typeof(TView).Name}>).");
        Require(Timeline is { Kinds.Count: > 0 }, "The timeline's kinds are not said.");
        foreach (var kind in Timeline?.Kinds ?? [])
        {
            Require(kind.StartsWith(Name + ".", StringComparison.Ordinal), $"The kind '{kind}' is not one of a {Noun} ({Name}.*).");
        }

        return problems;
    }

    public override string ToString() => $"{Name} ({typeof(TAggregate).Name} as {typeof(TView).Name})";

    [GeneratedRegex(@"^[a-z][a-z_]{0,63}\z")]
    private static partial Regex SnakeCase();
}

/// <summary>A resource's description whatever its types: what the catalog checks, and what the change feed reads by aggregate.</summary>
public interface IResourceDescription
{
    string Name { get; }

    Type Aggregate { get; }

    Type View { get; }

    ResourceShape Shape { get; }

    ResourceTimeline Timeline { get; }

    /// <summary>What reading <paramref name="aggregate"/> needs: an event of it is listed only to a caller who has it (API.md 7.1).</summary>
    RequiredRights ReadRightsOf(AggregateRoot aggregate);

    /// <summary>Where the description disagrees with its own types: none for a description that may serve.</summary>
    IReadOnlyList<string> Problems();
}
