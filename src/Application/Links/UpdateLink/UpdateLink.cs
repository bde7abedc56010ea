using Linkage.Application.Common.Changes;
using Linkage.Application.Common.Concurrency;
using Linkage.Application.Common.Exceptions;
using Linkage.Application.Common.Patching;
using Linkage.Application.Common.Persistence;
using Linkage.Application.Common.Requests;
using Linkage.Application.Common.Security;
using Linkage.Domain.Links;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Linkage.Application.Links.UpdateLink;

/// <summary>
/// Changes a link's job title and/or primary status (API.md 2.2). An omitted member is left alone, an
/// explicit <c>null</c> clears it (<c>isPrimary: null</c> is false). <c>isPrimary: true</c> takes primary
/// from the contact's current primary link, whose version moves and whose change is recorded.
/// A body that changes nothing moves no version and records nothing.
/// </summary>
public sealed record UpdateLink(Guid Id, Optional<string?> JobTitle, Optional<bool?> IsPrimary, Precondition Precondition)
    : ICommand<LinkView>, IConditionalCommand, IAuthorizedRequest
{
    Type IConditionalCommand.AggregateType => typeof(Link);

    Guid IConditionalCommand.AggregateId => Id;

    IReadOnlyList<Permission> IAuthorizedRequest.RequiredPermissions => LinkRights.Change;
}

/// <summary>
/// The PATCH body: only these members are known, so anything else (<c>id</c>, <c>version</c>...) is refused
/// as unknown rather than silently ignored.
/// </summary>
public sealed record UpdateLinkBody(Optional<string?> JobTitle, Optional<bool?> IsPrimary)
{
    public UpdateLink ToCommand(Guid id, Precondition precondition) => new(id, JobTitle, IsPrimary, precondition);
}

public sealed class UpdateLinkHandler(ILinkageDbContext db, ChangeContext changes, IPrimaryLinkSlot primarySlot)
    : IRequestHandler<UpdateLink, LinkView>
{
    public async Task<LinkView> Handle(UpdateLink request, CancellationToken cancellationToken)
    {
        var link = await db.Links.LoadAsync(request.Id, cancellationToken)
            ?? throw new NotFoundException("No such link.");
        var jobTitle = request.JobTitle.Or(link.JobTitle);
        var isPrimary = request.IsPrimary.IsSet ? request.IsPrimary.Value ?? false : link.IsPrimary;

        var stamp = changes.Stamp();
        if (isPrimary && !link.IsPrimary)
        {
            await primarySlot.ClaimAsync(link.ContactId, link.Id, stamp, cancellationToken);
        }

        link.Update(jobTitle, isPrimary, stamp);
        return LinkView.From(link);
    }
}
