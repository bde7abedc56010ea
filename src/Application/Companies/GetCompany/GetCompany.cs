using Linkage.Application.Common.Exceptions;
using Linkage.Application.Common.Fields;
using Linkage.Application.Common.Persistence;
using Linkage.Application.Common.Requests;
using Linkage.Application.Common.Security;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Linkage.Application.Companies.GetCompany;

/// <summary>Reads one live company of the caller's tenant; <see cref="Select"/> names must be company properties.</summary>
public sealed record GetCompany(Guid Id, FieldSelection? Select = null) : IQuery<CompanyView>, IAuthorizedRequest
{
    IReadOnlyList<Permission> IAuthorizedRequest.RequiredPermissions => [Permission.Read("Company")];
}

public sealed class GetCompanyHandler(ILinkageDbContext db) : IRequestHandler<GetCompany, CompanyView>
{
    public async Task<CompanyView> Handle(GetCompany request, CancellationToken cancellationToken)
    {
        request.Select?.EnsureKnownIn(CompanyShape.Instance);
        return await db.Companies.AsNoTracking().Where(c => c.Id == request.Id).Select(CompanyView.Projection)
            .FirstOrDefaultAsync(cancellationToken)
            ?? throw new NotFoundException("No such company.");
    }
}
