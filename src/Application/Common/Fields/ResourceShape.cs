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
public sealed record ShapeProperty(string Name, PropertyKind Kind, bool IsReadOnly = false, ResourceShape? Members = null);

/// <summary>
/// The property names of a resource as the API shows it (camelCase), which of them only the server
/// sets, and what is under them. Patch paths, Merge Patch members and <c>$select</c> names are matched
/// against it case-insensitively (API.md 2.1 and 4).
/// </summary>
public sealed class ResourceShape
{
    private readonly Dictionary<string, ShapeProperty> _byName;

    public ResourceShape(string noun, IEnumerable<ShapeProperty> properties, IReadOnlyList<string>? problems = null)
    {
        Noun = noun;
        Properties = properties.ToList();
        _byName = Properties.ToDictionary(p => p.Name, StringComparer.OrdinalIgnoreCase);
        Problems = problems ?? [];
    }

    /// <summary>
    /// The shape of a view: its JSON properties (lists of records and records described member by member, dictionaries as
    /// maps whose keys are the caller's own), read-only except <paramref name="writable"/>, the properties a patch may set.
    /// A patched document's writable part is read as <paramref name="input"/> (a create's body, a patch's input), so the two
    /// must agree: each writable property is a property of the view and a member of the input, and each member of the input
    /// is writable; a resource that is not patched (<paramref name="input"/> null) has nothing writable. Where they do not, <see cref="Problems"/> says so, and the resource's description fails its start-up check.
    /// </summary>
    public static ResourceShape Of<TView>(string noun, Type? input, params IReadOnlyList<string> writable) =>
        ViewShapes.Of(typeof(TView), noun, input, writable);

    /// <summary>What the resource is called in messages ("contact").</summary>
    public string Noun { get; }

    public IReadOnlyList<ShapeProperty> Properties { get; }

    /// <summary>Where the view, its writable properties and its input disagree; none in a shape that may serve.</summary>
    public IReadOnlyList<string> Problems { get; }

    /// <summary>The property spelled <paramref name="name"/> in any case, or null.</summary>
    public ShapeProperty? Find(string name) => _byName.GetValueOrDefault(name);
}
