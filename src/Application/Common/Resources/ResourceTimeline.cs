namespace Linkage.Application.Common.Resources;

/// <summary>
/// What a resource's changes record on timelines (API.md 2.3): the kinds of its actions and on whose timelines they show.
/// The change feed (API.md 7.1) makes one event per changed resource of these kinds; a reveal (<c>*.revealed</c>) is recorded
/// but is no event.
/// </summary>
/// <param name="Kinds">Every kind the resource's aggregate records, <c>{resource}.{what happened}</c>.</param>
/// <param name="ShownOn">On whose timelines its actions show, in words (its own; both ends of a link; its subject's).</param>
public sealed record ResourceTimeline(IReadOnlyList<string> Kinds, string ShownOn)
{
    /// <summary>Whether an action of <paramref name="kind"/> is also an event of the change feed (a reveal is not).</summary>
    public static bool IsEvent(string kind) => ActionKinds.IsChange(kind);
}
