using System.Text.Json;
using System.Text.Json.Nodes;
using Linkage.Domain.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Linkage.Infrastructure.Persistence.Conventions;

/// <summary>
/// Stores a value object as a <c>jsonb</c> column. Values are immutable on our aggregates (a change
/// assigns a new instance) but the comparer is structural anyway, so EF never misses a change.
/// </summary>
internal static class JsonColumn
{
    internal static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web);

    public static PropertyBuilder<T> HasJsonConversion<T>(this PropertyBuilder<T> property)
    {
        property.HasColumnType("jsonb").HasConversion(
            value => JsonSerializer.Serialize(value, Options),
            json => JsonSerializer.Deserialize<T>(json, Options)!,
            new ValueComparer<T>(
                (a, b) => ValueEquality.AreEqual(a, b),
                v => v == null ? 0 : JsonSerializer.Serialize(v, Options).GetHashCode(),
                v => v));
        return property;
    }

    /// <summary>Custom fields hold only strings, numbers, booleans and null: read them back as such.</summary>
    public static PropertyBuilder<IReadOnlyDictionary<string, object?>> HasScalarMapConversion(
        this PropertyBuilder<IReadOnlyDictionary<string, object?>> property)
    {
        property.HasColumnType("jsonb").HasConversion(
            value => JsonSerializer.Serialize(value, Options),
            json => ReadScalarMap(json),
            new ValueComparer<IReadOnlyDictionary<string, object?>>(
                (a, b) => ValueEquality.AreEqual(a, b),
                v => v.Count,
                v => v));
        return property;
    }

    private static IReadOnlyDictionary<string, object?> ReadScalarMap(string json)
    {
        var result = new Dictionary<string, object?>(StringComparer.Ordinal);
        if (JsonNode.Parse(json) is not JsonObject map)
        {
            return result;
        }

        foreach (var (key, node) in map)
        {
            result[key] = node is JsonValue value ? ScalarOf(value) : null;
        }

        return result;
    }

    private static object? ScalarOf(JsonValue value) => value.GetValueKind() switch
    {
        JsonValueKind.String => value.GetValue<string>(),
        JsonValueKind.Number => value.GetValue<decimal>(),
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        _ => null,
    };
}
