using Linkage.Application.Common.Paging;

namespace Linkage.Application.Companies.ListCompanies;

/// <summary>Lists companies in the order they were made; <c>?q=</c> keeps those it matches (API.md 2.1).</summary>
public sealed record ListCompanies(string? Query, PageRequest Page) : ListResources<Company, CompanyView>(Query, Page)
{
    public override ResourceDescription<Company, CompanyView> Resource => CompanyResource.Description;
}
