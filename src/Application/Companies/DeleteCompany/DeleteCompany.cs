using Linkage.Application.Common.Changes;
using Linkage.Application.Common.Concurrency;
using Linkage.Application.Common.Exceptions;
using Linkage.Application.Common.Persistence;
using Linkage.Application.Common.Requests;
using Linkage.Application.Common.Security;
using Linkage.Application.Links;
using Linkage.Domain.Companies;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Linkage.Application.Companies.DeleteCompany;

/// <summary>Soft-deletes a company and its live links; it then answers 404.</summary>
public sealed record DeleteCompany(Guid Id, Precondition Precondition) : ICommand<Unit>, IConditionalCommand, IAuthorizedRequest
{
    Type IConditionalCommand.AggregateType => typeof(Company);

    Guid IConditionalCommand.AggregateId => Id;

    IReadOnlyList<Permission> IAuthorizedRequest.RequiredPermissions => [Permission.Edit("Company")];
}

public sealed class DeleteCompanyHandler(ILinkageDbContext db, ChangeContext changes, ILinkEnds linkEnds)
    : IRequestHandler<DeleteCompany, Unit>
{
    public async Task<Unit> Handle(DeleteCompany request, CancellationToken cancellationToken)
    {
        var company = await db.Companies.LoadAsync(request.Id, cancellationToken)
            ?? throw new NotFoundException("No such company.");
        var stamp = changes.Stamp();
        company.Delete(stamp);

        // Links being created to this company commit first, so the cascade below sees them (ADR 0010).
        await linkEnds.LockCompanyForDeleteAsync(request.Id, cancellationToken);
        await db.Links.DeleteLiveLinksAsync(l => l.CompanyId == request.Id, stamp, cancellationToken);

        return Unit.Value;
    }
}
