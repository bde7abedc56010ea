namespace Linkage.Application.Companies.GetCompany;

/// <summary>Reads a company (API.md 2.1); <c>$select</c> names the properties to answer with.</summary>
public sealed record GetCompany(Guid Id, FieldSelection Select) : GetResource<Company, CompanyView>(Select)
{
    public override ResourceDescription<Company, CompanyView> Resource => CompanyResource.Description;

    public override Expression<Func<Company, bool>> Which => c => c.Id == Id;
}
