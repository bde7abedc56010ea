using Linkage.Application.Common.Changes;
using Linkage.Application.Common.Concurrency;
using Linkage.Application.Common.Exceptions;
using Linkage.Application.Common.Persistence;
using Linkage.Application.Common.Requests;
using Linkage.Application.Common.Security;
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

public sealed class DeleteCompanyHandler(ILinkageDbContext db, ChangeContext changes) : IRequestHandler<DeleteCompany, Unit>
{
    public async Task<Unit> Handle(DeleteCompany request, CancellationToken cancellationToken)
    {
        var company = await db.Companies.FirstOrDefaultAsync(c => c.Id == request.Id, cancellationToken)
            ?? throw new NotFoundException("No such company.");
        var stamp = changes.Stamp();
        company.Delete(stamp);

        // A link to a deleted company would dangle: its live links go with it, each recorded as link.deleted.
        var links = await db.Links.Where(l => l.CompanyId == request.Id).ToListAsync(cancellationToken);
        foreach (var link in links)
        {
            link.Delete(stamp);
        }

        return Unit.Value;
    }
}
