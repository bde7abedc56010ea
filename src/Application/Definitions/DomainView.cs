namespace Linkage.Application.Definitions;

/// <summary>A custom domain's definition as the API shows it (API.md 5.1).</summary>
public sealed record DomainView(string Name, string Label, IReadOnlyList<FieldDefinition> Fields) : ResourceView, INamedView;

/// <summary>A relationship type as the API shows it (API.md 5.2).</summary>
public sealed record RelationshipTypeView(string Name, string Label, string FromDomain, string ToDomain, IReadOnlyList<FieldDefinition> Fields)
    : ResourceView, INamedView;

/// <summary>A view of something found by its name: the name is in its URL.</summary>
public interface INamedView
{
    string Name { get; }
}
