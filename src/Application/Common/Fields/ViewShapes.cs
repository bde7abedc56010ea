using System.Reflection;
using System.Text.Json.Serialization;

namespace Linkage.Application.Common.Fields;

/// <summary>Builds a <see cref="ResourceShape"/> from a view type by reflection (<see cref="ResourceShape.Of{TView}"/>).</summary>
internal static class ViewShapes
{
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<Type, ResourceShape> OfRecords = new();

    public static ResourceShape OfRecord(Type aggregate, Type view) =>
        OfRecords.GetOrAdd(view, _ => Of(view, aggregate.Name.ToLowerInvariant(), DetailsOf(aggregate)));

    private static Type DetailsOf(Type aggregate)
    {
        for (var type = aggregate.BaseType; type is not null; type = type.BaseType)
        {
            if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(VersionedRecord<>))
            {
                return type.GetGenericArguments()[0];
            }
        }

        throw new InvalidOperationException($"{aggregate.Name} is no versioned record: its view must say its shape.");
    }

    public static ResourceShape Of(Type view, string noun, Type? writableInput)
    {
        var writable = writableInput?.GetProperties().Select(p => p.Name).ToHashSet(StringComparer.OrdinalIgnoreCase);
        return new ResourceShape(noun, JsonProperties(view).Select(p => Describe(p, isReadOnly: writable is not null && !writable.Contains(p.Name))));
    }

    private static ShapeProperty Describe(PropertyInfo property, bool isReadOnly)
    {
        var name = JsonNamingPolicy.CamelCase.ConvertName(property.Name);
        var type = Nullable.GetUnderlyingType(property.PropertyType) ?? property.PropertyType;
        if (IsMap(type))
        {
            return new ShapeProperty(name, PropertyKind.Map, isReadOnly);
        }

        if (ItemOf(type) is { } item && IsRecord(item))
        {
            return new ShapeProperty(name, PropertyKind.List, isReadOnly, Members(item));
        }

        return IsRecord(type)
            ? new ShapeProperty(name, PropertyKind.Object, isReadOnly, Members(type))
            : new ShapeProperty(name, PropertyKind.Value, isReadOnly);
    }

    /// <summary>The members of a value inside a resource (a contact point, an address): writable when the value is.</summary>
    private static ResourceShape Members(Type value) =>
        Of(value, JsonNamingPolicy.CamelCase.ConvertName(value.Name).ToLowerInvariant(), writableInput: null);

    private static IEnumerable<PropertyInfo> JsonProperties(Type type) =>
        type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.GetIndexParameters().Length == 0 && p.GetCustomAttribute<JsonIgnoreAttribute>() is null)
            .OrderBy(p => p.GetCustomAttribute<JsonPropertyOrderAttribute>()?.Order ?? 0);

    private static bool IsMap(Type type) =>
        type.IsGenericType && type.GetGenericTypeDefinition() == typeof(IReadOnlyDictionary<,>);

    private static Type? ItemOf(Type type) =>
        type.IsGenericType && type.GetGenericTypeDefinition() == typeof(IReadOnlyList<>) ? type.GetGenericArguments()[0] : null;

    /// <summary>A record class of ours: it has the compiler's <c>EqualityContract</c>.</summary>
    private static bool IsRecord(Type type) =>
        type.IsClass && type != typeof(string)
        && type.GetProperty("EqualityContract", BindingFlags.NonPublic | BindingFlags.Instance) is not null;
}
