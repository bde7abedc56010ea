using Linkage.Application.Common.Exceptions;
using Linkage.Application.Common.Persistence;
using Linkage.Application.Common.Requests;
using Linkage.Application.Common.Security;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Linkage.Application.Links.GetLink;

/// <summary>Reads one live link of the caller's tenant.</summary>
public sealed record GetLink(Guid Id) : IQuery<LinkView>, IAuthorizedRequest
{
    IReadOnlyList<Permission> IAuthorizedRequest.RequiredPermissions => LinkRights.Read;
}

public sealed class GetLinkHandler(ILinkageDbContext db) : IRequestHandler<GetLink, LinkView>
{
    public async Task<LinkView> Handle(GetLink request, CancellationToken cancellationToken) =>
        await db.Links.AsNoTracking().Where(l => l.Id == request.Id).Select(LinkView.Projection)
            .FirstOrDefaultAsync(cancellationToken)
        ?? throw new NotFoundException("No such link.");
}
