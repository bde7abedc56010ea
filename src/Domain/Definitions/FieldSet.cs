namespace Linkage.Domain.Definitions;

/// <summary>
/// The rules every list of field definitions follows, whether a custom domain's or a relationship type's:
/// valid names, unique in any case, an association naming its target domain.
/// </summary>
public static class FieldSet
{
    public const int MaxFields = 100;

    public static IReadOnlyList<FieldDefinition> Checked(IReadOnlyList<FieldDefinition> fields)
    {
        if (fields.Count > MaxFields)
        {
            throw new InvalidValueException("fields", $"At most {MaxFields} fields.");
        }

        foreach (var field in fields)
        {
            if (!FieldDefinition.IsValidName(field.Name))
            {
                throw new InvalidValueException("fields", $"'{field.Name}' is no field name: ^[A-Za-z][A-Za-z0-9_]{{0,63}}$.");
            }

            if ((field.Type == FieldType.Association) != (field.TargetDomain is not null))
            {
                throw new InvalidValueException("fields", $"'{field.Name}': an association names its targetDomain, and only an association does.");
            }
        }

        var repeated = fields.GroupBy(f => f.Name, StringComparer.OrdinalIgnoreCase).FirstOrDefault(g => g.Count() > 1);
        if (repeated is not null)
        {
            throw new InvalidValueException("fields", $"The field '{repeated.Key}' is defined more than once.");
        }

        return fields.ToList();
    }

    /// <summary>The field named <paramref name="name"/> in any case, or null.</summary>
    public static FieldDefinition? Find(this IReadOnlyList<FieldDefinition> fields, string name) =>
        fields.FirstOrDefault(f => string.Equals(f.Name, name, StringComparison.OrdinalIgnoreCase));

    /// <summary>The fields of <paramref name="before"/> that <paramref name="after"/> drops or gives another type: changes that would strand values.</summary>
    public static IReadOnlyList<FieldDefinition> RemovedOrRetyped(IReadOnlyList<FieldDefinition> before, IReadOnlyList<FieldDefinition> after) =>
        before.Where(b => after.Find(b.Name) is not { } a || a.Type != b.Type || a.TargetDomain != b.TargetDomain).ToList();
}
