namespace Linkage.Application.Events;

/// <summary>
/// The kinds an event can have: the timeline's kinds that record a change (<see cref="ActionKinds.Changes"/>, one list with
/// the timeline's; the reveals <c>link.revealed</c> and <c>record.revealed</c> are reads, not changes). A family is the part
/// before the dot (<c>link</c>).
/// </summary>
public static class EventTypes
{
    public static IReadOnlyList<string> All => ActionKinds.Changes;

    public static readonly IReadOnlySet<string> Kinds = All.ToHashSet(StringComparer.Ordinal);

    public static readonly IReadOnlySet<string> Families = All.Select(FamilyOf).ToHashSet(StringComparer.Ordinal);

    public static string FamilyOf(string kind) => kind[..kind.IndexOf('.', StringComparison.Ordinal)];
}
