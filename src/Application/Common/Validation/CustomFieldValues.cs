namespace Linkage.Application.Common.Validation;

/// <summary>Turns request JSON values of <c>customFields</c> into the scalars the domain stores.</summary>
public static class CustomFieldValues
{
    public const int MaxKeys = 50;
    public const int MaxStringLength = 2000;

    public static bool IsAllowed(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => value.GetString()!.Length <= MaxStringLength,
        JsonValueKind.Number => value.TryGetDecimal(out _),
        JsonValueKind.True or JsonValueKind.False or JsonValueKind.Null => true,
        _ => false,
    };

    public static object? ToDomain(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => value.GetString(),
        JsonValueKind.Number => value.GetDecimal(),
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        _ => null,
    };

    public static IReadOnlyDictionary<string, object?> ToDomain(IReadOnlyDictionary<string, JsonElement>? fields) =>
        fields?.ToDictionary(f => f.Key, f => ToDomain(f.Value), StringComparer.Ordinal)
        ?? new Dictionary<string, object?>(StringComparer.Ordinal);
}
