using System.Text.Json.Nodes;
using Linkage.Application.Patching;

namespace Linkage.Application.Companies.PatchCompany;

/// <summary>Applies a JSON Patch or a Merge Patch to a company (API.md 4); If-Match or If-Unmodified-Since is required.</summary>
public sealed record PatchCompany(Guid Id, PatchFormat Format, JsonNode? Patch, Precondition Precondition, FieldSelection Select)
    : PatchResource<Company, CompanyView>(Format, Patch, Precondition, Select, Domain: null)
{
    public override ResourceDescription<Company, CompanyView> Resource => CompanyResource.Description;

    public override ILocator<Company> Target => Locate.ById<Company>(Resource.Noun, Id);
}
