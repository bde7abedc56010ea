using System.Text.Json;
using Linkage.Domain.Common;
using Linkage.Domain.Timeline;
using Linkage.Infrastructure.Persistence.Conventions;

namespace Linkage.Infrastructure.Persistence;

/// <summary>
/// The JSON text of recorded actions' changes, made once per commit and handed to both the timeline's append
/// (<see cref="TimelineLog"/>, jsonb) and the change feed's event (<see cref="Events.ChangeEvents"/>, json, ADR 0036): the
/// same text goes to both. A link records one change on both ends' timelines (copies of one map holding the same
/// <see cref="FieldChange"/>s), so the second end reuses the first's text rather than serializing it again.
/// </summary>
public static class ChangesText
{
    /// <summary>Adds the changes' text of each of <paramref name="actions"/> (null for none) to <paramref name="texts"/>, in their order.</summary>
    public static void AddTo(IReadOnlyList<TimelineAction> actions, List<string?> texts)
    {
        for (var i = 0; i < actions.Count; i++)
        {
            var changes = actions[i].Changes;
            texts.Add(i > 0 && SameEntries(actions[i - 1].Changes, changes) ? texts[^1] : Of(changes));
        }
    }

    /// <summary>The changes' text of each of <paramref name="actions"/>, in their order.</summary>
    public static List<string?> Of(IReadOnlyList<TimelineAction> actions)
    {
        var texts = new List<string?>(actions.Count);
        AddTo(actions, texts);
        return texts;
    }

    private static string? Of(IReadOnlyDictionary<string, FieldChange>? changes) =>
        changes is null ? null : JsonSerializer.Serialize(changes, JsonColumn.Options);

    /// <summary>
    /// Whether both maps would serialize to the same text because they hold the same keys, in the same order, with the very
    /// same values; structural equality would not do (1 and 1.0 are equal but written differently).
    /// </summary>
    private static bool SameEntries(IReadOnlyDictionary<string, FieldChange>? a, IReadOnlyDictionary<string, FieldChange>? b)
    {
        if (ReferenceEquals(a, b))
        {
            return true;
        }

        if (a is null || b is null || a.Count != b.Count)
        {
            return false;
        }

        using var left = a.GetEnumerator();
        using var right = b.GetEnumerator();
        while (left.MoveNext())
        {
            if (!right.MoveNext() || !string.Equals(left.Current.Key, right.Current.Key, StringComparison.Ordinal)
                || !ReferenceEquals(left.Current.Value, right.Current.Value))
            {
                return false;
            }
        }

        return true;
    }
}
