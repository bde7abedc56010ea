namespace Linkage.Domain.Definitions;

/// <summary>
/// Records which values of defined fields changed (a record's <c>fields</c>, a typed link's <c>fieldValues</c>) as one
/// top-level change <c>{from, to}</c> holding only the fields that changed, a restricted field's values as
/// <see cref="Changed"/> (API.md 5.1, 6). Whether a field changed is decided on the real values; the mask is applied only
/// to what is recorded. Comparing masked values instead lost a write (issue 23): two different secrets both read
/// <c>{"changed": true}</c>, so the change looked like none, and the write was answered 200 and not saved.
/// </summary>
public static class FieldValueChanges
{
    /// <summary>What a restricted field's value is recorded as: <c>{"changed": true}</c>.</summary>
    public static readonly IReadOnlyDictionary<string, bool> Changed = new Dictionary<string, bool> { ["changed"] = true };

    /// <summary>
    /// Tracks <paramref name="property"/> when any value differs between <paramref name="before"/> and
    /// <paramref name="after"/>; returns whether one did.
    /// </summary>
    public static bool Track(
        ChangeSet changes,
        string property,
        IReadOnlyList<FieldDefinition> fields,
        IReadOnlyDictionary<string, object?> before,
        IReadOnlyDictionary<string, object?> after)
    {
        var changed = before.Keys.Union(after.Keys)
            .Where(k => !ValueEquality.AreEqual(before.GetValueOrDefault(k), after.GetValueOrDefault(k)))
            .ToList();
        if (changed.Count == 0)
        {
            return false;
        }

        object? Recorded(string name, IReadOnlyDictionary<string, object?> values) =>
            fields.Find(name) is { Restricted: true } ? Changed : values.GetValueOrDefault(name);
        changes.Record(
            property,
            changed.Where(before.ContainsKey).ToDictionary(k => k, k => Recorded(k, before)),
            changed.Where(after.ContainsKey).ToDictionary(k => k, k => Recorded(k, after)));
        return true;
    }

    /// <summary>Every value cleared at once (a link's type changed): recorded by name only, whatever the field.</summary>
    public static void TrackCleared(ChangeSet changes, string property, IReadOnlyDictionary<string, object?> cleared)
    {
        if (cleared.Count > 0)
        {
            changes.Record(property, cleared.ToDictionary(v => v.Key, _ => (object?)Changed), new Dictionary<string, object?>());
        }
    }
}
