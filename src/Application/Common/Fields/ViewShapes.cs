using System.Reflection;
using System.Text.Json.Serialization;

namespace Linkage.Application.Common.Fields;

/// <summary>Builds a <see cref="ResourceShape"/> from a view type (<see cref="ResourceShape.Of{TView}"/>): its JSON properties, as the API writes them.</summary>
internal static class ViewShapes
{
    public static ResourceShape Of(Type view, string noun, Type? input, IReadOnlyList<string> writable)
    {
        var shown = JsonProperties(view).ToList();
        var inputMembers = input is null ? [] : JsonProperties(input).Select(p => JsonNameOf(p)).ToList();
        var problems = new List<string>();
        foreach (var name in writable.Where(w => !shown.Any(p => JsonNameOf(p) == w)))
        {
            problems.Add($"'{name}' is writable, but {view.Name} shows no property '{name}'.");
        }

        foreach (var name in writable.Where(w => !inputMembers.Contains(w)))
        {
            problems.Add(input is null
                ? $"'{name}' is writable, but a {noun} is not patched: it has no input to read a patched document as."
                : $"'{name}' is writable, but a patched {noun} is read as {input.Name}, which has no member '{name}'.");
        }

        foreach (var name in inputMembers.Where(m => !writable.Contains(m)))
        {
            problems.Add($"{input!.Name} has a member '{name}' that is no writable property of {view.Name}: no patch could set it.");
        }

        return new ResourceShape(noun, shown.Select(p => Describe(p, isReadOnly: !writable.Contains(JsonNameOf(p)))), problems);
    }

    private static string JsonNameOf(PropertyInfo property) => JsonNamingPolicy.CamelCase.ConvertName(property.Name);

    private static ShapeProperty Describe(PropertyInfo property, bool isReadOnly)
    {
        var name = JsonNameOf(property);
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
        new(JsonNamingPolicy.CamelCase.ConvertName(value.Name).ToLowerInvariant(), JsonProperties(value).Select(p => Describe(p, isReadOnly: false)));

    private static IEnumerable<PropertyInfo> JsonProperties(Type type) =>
        type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.GetIndexParameters().Length == 0 && p.GetCustomAttribute<JsonIgnoreAttribute>() is null)
            .OrderBy(p => p.GetCustomAttribute<JsonPropertyOrderAttribute>()?.Order ?? 0);

    private static bool IsMap(Type type) =>
        type.IsGenericType && type.GetGenericTypeDefinition() == typeof(IReadOnlyDictionary<,>);

    private static Type? ItemOf(Type type) =>
        type.IsGenericType && type.GetGenericTypeDefinition() == typeof(IReadOnlyList<>) ? type.GetGenericArguments()[0] : null;

    /// <summary>A value that is a C# record (it has the compiler's <c>EqualityContract</c>), described member by member.</summary>
    private static bool IsRecord(Type type) =>
        type.IsClass && type != typeof(string)
        && type.GetProperty("EqualityContract", BindingFlags.NonPublic | BindingFlags.Instance) is not null;
}
