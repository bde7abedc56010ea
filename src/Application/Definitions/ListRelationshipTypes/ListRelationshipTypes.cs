using Linkage.Application.Common.Paging;

namespace Linkage.Application.Definitions.ListRelationshipTypes;

/// <summary>The tenant's relationship types, in the order they were defined.</summary>
public sealed record ListRelationshipTypes(PageRequest Page) : ListResources<RelationshipType, RelationshipTypeView>(Query: null, Page)
{
    public override ResourceDescription<RelationshipType, RelationshipTypeView> Resource => RelationshipTypeResource.Description;
}
