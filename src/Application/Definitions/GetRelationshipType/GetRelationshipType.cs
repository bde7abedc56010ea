namespace Linkage.Application.Definitions.GetRelationshipType;

/// <summary>Reads a relationship type (API.md 5.2) by its name, in any case.</summary>
public sealed record GetRelationshipType(string Name) : GetResource<RelationshipType, RelationshipTypeView>(FieldSelection.All)
{
    public override ResourceDescription<RelationshipType, RelationshipTypeView> Resource => RelationshipTypeResource.Description;

    public override Expression<Func<RelationshipType, bool>> Which
    {
        get
        {
            var key = Name.ToLowerInvariant();
            return d => d.NameKey == key;
        }
    }
}
