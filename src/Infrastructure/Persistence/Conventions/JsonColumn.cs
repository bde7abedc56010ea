using System.Text.Json;
using System.Text.Json.Nodes;
using Linkage.Domain.Companies;
using Linkage.Domain.Definitions;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Linkage.Infrastructure.Persistence.Conventions;

/// <summary>
/// Value objects are stored as <c>jsonb</c> columns, by type, for every aggregate that holds them: contact
/// points, addresses, custom field maps, a timeline action's changes. Values are immutable on our aggregates (a
/// change assigns a new instance) but the comparer is structural anyway, so EF never misses a change.
/// </summary>
internal static class JsonColumn
{
    /// <summary>Enums by name, so a stored value survives a reordering of its enum.</summary>
    internal static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() },
    };

    public static void Apply(ModelConfigurationBuilder configuration)
    {
        configuration.Properties<IReadOnlyList<ContactPoint>>().AreJson<IReadOnlyList<ContactPoint>, JsonConverter<IReadOnlyList<ContactPoint>>>();
        configuration.Properties<Address>().AreJson<Address, JsonConverter<Address>>();
        configuration.Properties<IReadOnlyList<FieldDefinition>>()
            .AreJson<IReadOnlyList<FieldDefinition>, JsonConverter<IReadOnlyList<FieldDefinition>>>();
        configuration.Properties<IReadOnlyDictionary<string, FieldChange>>()
            .AreJson<IReadOnlyDictionary<string, FieldChange>, JsonConverter<IReadOnlyDictionary<string, FieldChange>>>();
    }

    /// <summary>
    /// Custom field maps, by the same rule. EF Core reserves dictionaries of objects for property-bag entities, so
    /// these cannot be configured by type before the model is built; they are found among its properties instead.
    /// </summary>
    public static void ApplyToScalarMaps(ModelBuilder model)
    {
        var maps = model.Model.GetEntityTypes()
            .SelectMany(e => e.ClrType.GetProperties().Where(p => p.PropertyType == typeof(IReadOnlyDictionary<string, object?>)).Select(p => (e, p)));
        foreach (var (entity, map) in maps.ToList())
        {
            model.Entity(entity.ClrType).Property(map.PropertyType, map.Name)
                .HasColumnType("jsonb")
                .HasConversion(new ScalarMapConverter(), new StructuralComparer<IReadOnlyDictionary<string, object?>>());
        }
    }

    private static void AreJson<T, TConverter>(this PropertiesConfigurationBuilder<T> properties)
        where TConverter : ValueConverter =>
        properties.HaveColumnType("jsonb").HaveConversion<TConverter, StructuralComparer<T>>();

    /// <summary>A value as its JSON text.</summary>
    private sealed class JsonConverter<T>() : ValueConverter<T, string>(
        value => JsonSerializer.Serialize(value, Options),
        json => JsonSerializer.Deserialize<T>(json, Options)!);

    /// <summary>Custom fields hold only strings, numbers, booleans and null: they are read back as such.</summary>
    private sealed class ScalarMapConverter() : ValueConverter<IReadOnlyDictionary<string, object?>, string>(
        value => JsonSerializer.Serialize(value, Options),
        json => ReadScalarMap(json));

    private sealed class StructuralComparer<T>() : ValueComparer<T>(
        (a, b) => ValueEquality.AreEqual(a, b),
        v => v == null ? 0 : JsonSerializer.Serialize(v, Options).GetHashCode(),
        v => v);

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
