namespace Linkage.Domain.Definitions;

/// <summary>
/// The one check of values of defined fields (API.md 5.1, 6): a record's <c>fields</c> against its domain's definition, a
/// typed link's <c>fieldValues</c> against its relationship type. Names match a field in any case and are stored as the field
/// spells them; a name that is no field, a field named twice in two cases, or a value of the wrong type is refused.
/// </summary>
public static class FieldValues
{
    /// <summary>
    /// The values as stored: under the names the fields spell, typed as each field says, null values dropped. Refused with
    /// an <see cref="InvalidValueException"/> on <c>{property}.{field}</c>: an unknown field, one named twice, a value of the
    /// wrong type, and, when <paramref name="requireRequired"/> (a record's fields), a required field without a value.
    /// </summary>
    /// <param name="fields">The defined fields; none when <paramref name="owner"/> is null.</param>
    /// <param name="values">The values as given, by any spelling of their field's name.</param>
    /// <param name="property">The document's property holding them: <c>fields</c>, <c>fieldValues</c>.</param>
    /// <param name="owner">What defines the fields, for messages (<c>Claim</c>, a relationship type's name); null for a link without a relationship type, which has none.</param>
    /// <param name="requireRequired">Whether a required field must have a value (records; a link's values are never required, ADR 15).</param>
    public static Dictionary<string, object?> Checked(
        IReadOnlyList<FieldDefinition> fields, IReadOnlyDictionary<string, object?> values, string property, string? owner, bool requireRequired)
    {
        var stored = new Dictionary<string, object?>(StringComparer.Ordinal);
        var given = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (name, value) in values)
        {
            var field = fields.Find(name)
                ?? throw new InvalidValueException($"{property}.{name}", owner is null ? "A link without a relationship type has no fields." : $"'{name}' is no field of {owner}.");
            if (!given.TryAdd(field.Name, name))
            {
                // Names match in any case, so claimNumber and ClaimNumber are one field: refused, rather than the last one winning silently.
                throw new InvalidValueException($"{property}.{field.Name}", $"'{field.Name}' is given twice, as '{given[field.Name]}' and '{name}'.");
            }

            if (!field.TryRead(value, out var read, out var reason))
            {
                throw new InvalidValueException($"{property}.{field.Name}", reason!);
            }

            if (read is not null)
            {
                stored[field.Name] = read;
            }
        }

        var missing = requireRequired ? fields.FirstOrDefault(f => f.Required && !stored.ContainsKey(f.Name)) : null;
        return missing is null ? stored : throw new InvalidValueException($"{property}.{missing.Name}", $"'{missing.Name}' is required.");
    }
}
