namespace Linkage.Application.Common.Fields;

/// <summary>What sits under a property of a resource's JSON representation.</summary>
public enum PropertyKind
{
    /// <summary>A scalar (or a value the API treats as one): nothing below it has a name of ours.</summary>
    Value,

    /// <summary>An array of objects whose members are described by <see cref="ShapeProperty.Members"/>.</summary>
    List,

    /// <summary>An object whose members are described by <see cref="ShapeProperty.Members"/>.</summary>
    Object,

    /// <summary>An object whose keys are the caller's own (custom fields): they keep their case.</summary>
    Map,
}

/// <summary>One property of a resource's JSON representation.</summary>
public sealed record ShapeProperty(string Name, PropertyKind Kind, bool IsReadOnly = false, ResourceShape? Members = null)
{
    public static ShapeProperty Writable(string name) => new(name, PropertyKind.Value);

    public static ShapeProperty ReadOnly(string name) => new(name, PropertyKind.Value, IsReadOnly: true);

    public static ShapeProperty ListOf(string name, ResourceShape items) => new(name, PropertyKind.List, Members: items);

    public static ShapeProperty ObjectOf(string name, ResourceShape members) => new(name, PropertyKind.Object, Members: members);

    public static ShapeProperty MapOf(string name) => new(name, PropertyKind.Map);
}

/// <summary>
/// The property names of a resource as the API shows them (camelCase), which of them only the server
/// sets, and what is under them. Patch paths, Merge Patch members and <c>$select</c> names are matched
/// against it case-insensitively (API.md 2.1 and 4).
/// </summary>
public sealed class ResourceShape
{
    private readonly Dictionary<string, ShapeProperty> _byName;

    public ResourceShape(string noun, IEnumerable<ShapeProperty> properties)
    {
        Noun = noun;
        Properties = properties.ToList();
        _byName = Properties.ToDictionary(p => p.Name, StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>The bookkeeping properties every contact and company shows and only the server sets.</summary>
    public static IReadOnlyList<ShapeProperty> Bookkeeping { get; } =
    [
        ShapeProperty.ReadOnly("createdUtc"),
        ShapeProperty.ReadOnly("updatedUtc"),
        ShapeProperty.ReadOnly("deletedUtc"),
        ShapeProperty.ReadOnly("version"),
        ShapeProperty.ReadOnly("changeType"),
        ShapeProperty.ReadOnly("changeOrigin"),
        ShapeProperty.ReadOnly("etag"),
    ];

    /// <summary>An email, phone or URL item: <c>{ value, description }</c>.</summary>
    public static ResourceShape ContactPoint { get; } =
        new("contact point", [ShapeProperty.Writable("value"), ShapeProperty.Writable("description")]);

    /// <summary>What the resource is called in messages ("contact").</summary>
    public string Noun { get; }

    public IReadOnlyList<ShapeProperty> Properties { get; }

    /// <summary>The property spelled <paramref name="name"/> in any case, or null.</summary>
    public ShapeProperty? Find(string name) => _byName.GetValueOrDefault(name);
}
