using Linkage.Application.Resources.CreateResource;

namespace Linkage.Application.Companies.CreateCompany;

/// <summary>Creates a company (API.md 2.1); its body is also what a patched company must be valid as.</summary>
public sealed record CreateCompany(
    string? Name,
    string? Department,
    string? OrgNr,
    string? Description,
    IReadOnlyList<ContactPointInput>? Emails,
    IReadOnlyList<ContactPointInput>? Phones,
    IReadOnlyList<ContactPointInput>? Urls,
    AddressInput? Address,
    IReadOnlyDictionary<string, JsonElement>? CustomFields)
    : IdempotentCreate<CreateCompany>, IResourceInput<Company, CompanyDetails, CompanyView>
{
    ResourceDescription<Company, CompanyView> ICreateResource<Company, CompanyView>.Resource => CompanyResource.Description;

    RequiredRights IAuthorizedRequest.Rights => CompanyResource.Description.Rights.Edit.ForRequest(null);

    public CompanyDetails ToDetails() => new(
        Name!.Trim(),
        Department,
        OrgNr,
        Description,
        ContactPointInput.ToDomain(Emails),
        ContactPointInput.ToDomain(Phones),
        ContactPointInput.ToDomain(Urls),
        Address?.ToDomain(),
        CustomFieldValues.ToDomain(CustomFields));
}
