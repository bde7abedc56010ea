using Linkage.Application.Common.Changes;
using Linkage.Application.Common.Concurrency;
using Linkage.Application.Common.Exceptions;
using Linkage.Application.Common.Persistence;
using Linkage.Application.Common.Requests;
using Linkage.Application.Common.Security;
using Linkage.Domain.Links;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Linkage.Application.Links.DeleteLink;

/// <summary>Soft-deletes a link; it then answers 404 and the pair may be linked again.</summary>
public sealed record DeleteLink(Guid Id, Precondition Precondition) : ICommand<Unit>, IConditionalCommand, IAuthorizedRequest
{
    Type IConditionalCommand.AggregateType => typeof(Link);

    Guid IConditionalCommand.AggregateId => Id;

    IReadOnlyList<Permission> IAuthorizedRequest.RequiredPermissions => LinkRights.Change;
}

public sealed class DeleteLinkHandler(ILinkageDbContext db, ChangeContext changes) : IRequestHandler<DeleteLink, Unit>
{
    public async Task<Unit> Handle(DeleteLink request, CancellationToken cancellationToken)
    {
        var link = await db.Links.LoadAsync(request.Id, cancellationToken)
            ?? throw new NotFoundException("No such link.");
        link.Delete(changes.Stamp());
        return Unit.Value;
    }
}
