using System.Text.Json.Nodes;
using Linkage.Application.Patching;

namespace Linkage.Application.Definitions.PatchRelationshipType;

/// <summary>
/// Patches a relationship type (API.md 5.2), named by its name in any case: a JSON Patch or a Merge Patch over <c>{label, fields}</c>; removing or
/// retyping a field that has values is 409. If-Match is required.
/// </summary>
public sealed record PatchRelationshipType(string Name, PatchFormat Format, JsonNode? Patch, Precondition Precondition)
    : PatchResource<RelationshipType, RelationshipTypeView>(Format, Patch, Precondition, FieldSelection.All, Domain: null)
{
    public override ResourceDescription<RelationshipType, RelationshipTypeView> Resource => RelationshipTypeResource.Description;

    public override ILocator<RelationshipType> Target
    {
        get
        {
            var key = Name.ToLowerInvariant();
            return Locate.Where<RelationshipType>(Resource.Noun, d => d.NameKey == key);
        }
    }
}
