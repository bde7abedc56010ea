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

    /// <summary>
    /// The shape of a view type, read off the type itself: its JSON properties, each read-only unless
    /// <paramref name="writableInput"/> (the request body that sets the resource) has a property of that name.
    /// Lists of records and records are described member by member; dictionaries are maps whose keys are the
    /// caller's own. A view and its shape thus cannot disagree.
    /// </summary>
    public static ResourceShape Of<TView>(string noun, Type writableInput) => ViewShapes.Of(typeof(TView), noun, writableInput);

    /// <summary>
    /// The shape of the view of a versioned record (<see cref="VersionedRecord{TDetails}"/>): writable where its
    /// details have the property; called after the aggregate (<c>contact</c>). Made once per view type.
    /// </summary>
    public static ResourceShape Of<TAggregate, TView>()
        where TAggregate : AggregateRoot => ViewShapes.OfRecord(typeof(TAggregate), typeof(TView));

    /// <summary>What the resource is called in messages ("contact").</summary>
    public string Noun { get; }

    public IReadOnlyList<ShapeProperty> Properties { get; }

    /// <summary>The property spelled <paramref name="name"/> in any case, or null.</summary>
    public ShapeProperty? Find(string name) => _byName.GetValueOrDefault(name);
}
