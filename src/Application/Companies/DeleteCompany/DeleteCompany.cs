namespace Linkage.Application.Companies.DeleteCompany;

/// <summary>Deletes a company softly, and its links with it (API.md 2.1, ADR 10); If-Match is required.</summary>
public sealed record DeleteCompany(Guid Id, Precondition Precondition) : DeleteResource<Company, CompanyView>(Precondition, Domain: null)
{
    public override ResourceDescription<Company, CompanyView> Resource => CompanyResource.Description;

    public override ILocator<Company> Target => Locate.ById<Company>(Resource.Noun, Id);
}
