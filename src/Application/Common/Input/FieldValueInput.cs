namespace Linkage.Application.Common.Input;

/// <summary>A field's value as a request gives it (a record's field, a typed link's field value): text, a number, a boolean or null.</summary>
public static class FieldValueInput
{
    public static Dictionary<string, object?> Read(IReadOnlyDictionary<string, JsonElement>? values, string path)
    {
        var read = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var (name, value) in values ?? new Dictionary<string, JsonElement>())
        {
            read[name] = value.ValueKind switch
            {
                JsonValueKind.String => value.GetString(),
                JsonValueKind.Number when value.TryGetDecimal(out var number) => number,
                JsonValueKind.True => true,
                JsonValueKind.False => false,
                JsonValueKind.Null => null,
                _ => throw new ValidationFailedException($"{path}.{name}", "A field's value is text, a number, true, false or null."),
            };
        }

        return read;
    }
}
