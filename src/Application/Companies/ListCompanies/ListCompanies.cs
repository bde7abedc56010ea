using FluentValidation;
using Linkage.Application.Common.Paging;
using Linkage.Application.Common.Persistence;
using Linkage.Application.Common.Requests;
using Linkage.Application.Common.Security;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Linkage.Application.Companies.ListCompanies;

/// <summary>Lists live companies in id (creation) order; <see cref="Query"/> matches a name prefix, case-insensitively.</summary>
public sealed record ListCompanies(string? Query, PageRequest Page) : IQuery<Page<CompanyView>>, IAuthorizedRequest
{
    IReadOnlyList<Permission> IAuthorizedRequest.RequiredPermissions => [Permission.Read("Company")];
}

public sealed class ListCompaniesHandler(ILinkageDbContext db) : IRequestHandler<ListCompanies, Page<CompanyView>>
{
    public async Task<Page<CompanyView>> Handle(ListCompanies request, CancellationToken cancellationToken)
    {
        var companies = db.Companies.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(request.Query))
        {
            var q = request.Query.Trim().ToLowerInvariant();
            companies = companies.Where(c => c.Name.ToLower().StartsWith(q));
        }

        if (request.Page.DecodeGuidCursor() is { } after)
        {
            companies = companies.Where(c => c.Id.CompareTo(after) > 0);
        }

        var rows = await companies.OrderBy(c => c.Id).Take(request.Page.Limit + 1)
            .Select(CompanyView.Projection).ToListAsync(cancellationToken);
        return request.Page.ToPage(rows, c => c.Id.ToString());
    }
}

public sealed class ListCompaniesValidator : AbstractValidator<ListCompanies>
{
    public ListCompaniesValidator()
    {
        RuleFor(l => l.Query).MaximumLength(200).OverridePropertyName("q");
        RuleFor(l => l.Page).SetValidator(new PageRequestValidator()).OverridePropertyName(string.Empty);
    }
}
