using Linkage.Application.Companies;
using Linkage.Application.Companies.CreateCompany;
using Linkage.Application.Companies.DeleteCompany;
using Linkage.Application.Companies.GetCompany;
using Linkage.Application.Companies.ListCompanies;
using Linkage.Application.Companies.PatchCompany;

namespace Linkage.Api.Controllers;

/// <summary>Companies (API.md 2.1), their patches (4) and their timelines (2.3).</summary>
[Route("api/v1/network/companies")]
public sealed class CompaniesController() : NetworkRecordController<CompanyView, CreateCompany>(
    TimelineSubject.Company,
    get: (id, select) => new GetCompany(id, select),
    list: (q, page) => new ListCompanies(q, page),
    patch: (id, format, patch, precondition, select) => new PatchCompany(id, format, patch, precondition, select),
    delete: (id, precondition) => new DeleteCompany(id, precondition));
