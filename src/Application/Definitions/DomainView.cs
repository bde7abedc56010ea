namespace Linkage.Application.Definitions;

/// <summary>A custom domain's definition as the API shows it (API.md 5.1).</summary>
public sealed record DomainView(string Name, string Label, IReadOnlyList<FieldDefinition> Fields)
    : ResourceView, IResourceView<DomainDefinition, DomainView>, INamedView
{
    public static ResourceShape Shape { get; } = ResourceShape.Of<DomainView>("domain", typeof(DomainDetails));

    public static string? PermissionDomain => Permission.Any;

    /// <summary>Any caller may read definitions: front-ends render records with them.</summary>
    public static IReadOnlyList<Permission> ReadRights(string? domain) => [];

    /// <summary>Defining needs <c>Admin</c> (API.md 5.1).</summary>
    public static IReadOnlyList<Permission> EditRights(string? domain) => [Permission.Admin];

    public static Expression<Func<DomainDefinition, DomainView>> Projection => ViewProjection<DomainDefinition, DomainView>.ByName;

    public static DomainView From(DomainDefinition definition) => CompiledProjection<DomainDefinition, DomainView>.Of(definition);
}

/// <summary>A relationship type as the API shows it (API.md 5.2).</summary>
public sealed record RelationshipTypeView(string Name, string Label, string FromDomain, string ToDomain, IReadOnlyList<FieldDefinition> Fields)
    : ResourceView, IResourceView<RelationshipType, RelationshipTypeView>, INamedView
{
    public static ResourceShape Shape { get; } = ResourceShape.Of<RelationshipTypeView>("relationship type", typeof(RelationshipDetails));

    public static string? PermissionDomain => Permission.Any;

    public static IReadOnlyList<Permission> ReadRights(string? domain) => [];

    public static IReadOnlyList<Permission> EditRights(string? domain) => [Permission.Admin];

    public static Expression<Func<RelationshipType, RelationshipTypeView>> Projection => ViewProjection<RelationshipType, RelationshipTypeView>.ByName;

    public static RelationshipTypeView From(RelationshipType type) => CompiledProjection<RelationshipType, RelationshipTypeView>.Of(type);
}

/// <summary>A view of something found by its name: the name is in its URL.</summary>
public interface INamedView
{
    string Name { get; }
}
