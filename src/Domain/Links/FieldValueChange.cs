using Linkage.Domain.Definitions;

namespace Linkage.Domain.Links;

/// <summary>
/// A typed link's field values (API.md 6): checked against the relationship type's fields, and recorded in a
/// <c>link.updated</c> action as <c>fieldValues: {from, to}</c> with only the fields that changed; a restricted field
/// shows as <see cref="Changed"/> there, never its value.
/// </summary>
public static class FieldValueChange
{
    /// <summary>What a restricted field's value is recorded as: <c>{"changed": true}</c>.</summary>
    public static readonly IReadOnlyDictionary<string, bool> Changed = new Dictionary<string, bool> { ["changed"] = true };

    /// <summary>The values as stored, under the names the type spells; null values are dropped; an unknown field is refused.</summary>
    public static Dictionary<string, object?> Checked(RelationshipType? type, IReadOnlyDictionary<string, object?> values)
    {
        var stored = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var (name, value) in values)
        {
            var field = type?.Fields.Find(name)
                ?? throw new InvalidValueException($"fieldValues.{name}", type is null ? "A link without a relationship type has no fields." : $"'{name}' is no field of {type.Name}.");
            if (!field.TryRead(value, out var read, out var reason))
            {
                throw new InvalidValueException($"fieldValues.{field.Name}", reason!);
            }

            if (read is not null)
            {
                stored[field.Name] = read;
            }
        }

        return stored;
    }

    /// <summary>Tracks <c>fieldValues</c> when any value changed; restricted ones by name only.</summary>
    public static void Track(ChangeSet changes, RelationshipType? type, IReadOnlyDictionary<string, object?> before, IReadOnlyDictionary<string, object?> after)
    {
        var changed = before.Keys.Union(after.Keys)
            .Where(k => !ValueEquality.AreEqual(before.GetValueOrDefault(k), after.GetValueOrDefault(k)))
            .ToList();
        if (changed.Count == 0)
        {
            return;
        }

        object? Shown(string name, IReadOnlyDictionary<string, object?> values) =>
            type?.Fields.Find(name) is { Restricted: true } ? Changed : values.GetValueOrDefault(name);
        changes.Track(
            "fieldValues",
            changed.Where(before.ContainsKey).ToDictionary(k => k, k => Shown(k, before)),
            changed.Where(after.ContainsKey).ToDictionary(k => k, k => Shown(k, after)));
    }
}
