using Linkage.Application.Common.Exceptions;
using Linkage.Application.Common.Persistence;
using Linkage.Application.Common.Requests;
using Linkage.Application.Common.Security;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Linkage.Application.Companies.GetCompany;

/// <summary>Reads one live company of the caller's tenant.</summary>
public sealed record GetCompany(Guid Id) : IQuery<CompanyView>, IAuthorizedRequest
{
    IReadOnlyList<Permission> IAuthorizedRequest.RequiredPermissions => [Permission.Read("Company")];
}

public sealed class GetCompanyHandler(ILinkageDbContext db) : IRequestHandler<GetCompany, CompanyView>
{
    public async Task<CompanyView> Handle(GetCompany request, CancellationToken cancellationToken) =>
        await db.Companies.AsNoTracking().Where(c => c.Id == request.Id).Select(CompanyView.Projection)
            .FirstOrDefaultAsync(cancellationToken)
        ?? throw new NotFoundException("No such company.");
}
