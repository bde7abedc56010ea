using Linkage.Domain.Definitions;

namespace Linkage.Domain.Links;

/// <summary>
/// A typed link's field values (API.md 6), checked against the relationship type's fields. Their changes are recorded
/// by <see cref="FieldValueChanges"/>.
/// </summary>
public static class FieldValueChange
{
    /// <summary>The values as stored, under the names the type spells; null values are dropped; an unknown field is refused.</summary>
    public static Dictionary<string, object?> Checked(RelationshipType? type, IReadOnlyDictionary<string, object?> values)
    {
        var stored = new Dictionary<string, object?>(StringComparer.Ordinal);
        var given = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (name, value) in values)
        {
            var field = type?.Fields.Find(name)
                ?? throw new InvalidValueException($"fieldValues.{name}", type is null ? "A link without a relationship type has no fields." : $"'{name}' is no field of {type.Name}.");
            FieldSet.EnsureGivenOnce(given, field, name, "fieldValues");
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
}
