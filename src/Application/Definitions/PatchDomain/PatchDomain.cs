using System.Text.Json.Nodes;
using Linkage.Application.Patching;

namespace Linkage.Application.Definitions.PatchDomain;

/// <summary>
/// Patches a custom domain (API.md 5.1), named by its name in any case: a JSON Patch or a Merge Patch over <c>{label, fields}</c>; removing or
/// retyping a field that has values is 409. If-Match is required.
/// </summary>
public sealed record PatchDomain(string Name, PatchFormat Format, JsonNode? Patch, Precondition Precondition)
    : PatchResource<DomainDefinition, DomainView>(Format, Patch, Precondition, FieldSelection.All, Domain: null)
{
    public override ResourceDescription<DomainDefinition, DomainView> Resource => DomainResource.Description;

    public override ILocator<DomainDefinition> Target
    {
        get
        {
            var key = Name.ToLowerInvariant();
            return Locate.Where<DomainDefinition>(Resource.Noun, d => d.NameKey == key);
        }
    }
}
