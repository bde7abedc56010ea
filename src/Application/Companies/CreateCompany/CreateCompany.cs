using System.Text.Json.Serialization;
using System.Text.Json;
using Linkage.Application.Common.Changes;
using Linkage.Application.Common.Idempotency;
using Linkage.Application.Common.Persistence;
using Linkage.Application.Common.Requests;
using Linkage.Application.Common.Security;
using Linkage.Application.Common.Validation;
using Linkage.Domain.Companies;
using MediatR;

namespace Linkage.Application.Companies.CreateCompany;

/// <summary>A postal address as a request supplies it.</summary>
public sealed record AddressInput(string? Street, string? PostalCode, string? City, string? CountryCode)
{
    public Address ToDomain() => new(Street, PostalCode, City, CountryCode?.ToUpperInvariant());
}

/// <summary>Creates a company (API.md 2.1).</summary>
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
    : ICommand<CompanyView>, IAuthorizedRequest, IIdempotentCommand
{
    [JsonIgnore]
    public string? IdempotencyKey { get; init; }

    IReadOnlyList<Permission> IAuthorizedRequest.RequiredPermissions => [Permission.Edit("Company")];

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

public sealed class CreateCompanyHandler(ILinkageDbContext db, ChangeContext changes) : IRequestHandler<CreateCompany, CompanyView>
{
    public Task<CompanyView> Handle(CreateCompany request, CancellationToken cancellationToken)
    {
        var company = Company.Create(changes.TenantId, request.ToDetails(), changes.Stamp());
        db.Companies.Add(company);
        return Task.FromResult(CompanyView.From(company));
    }
}
