using Linkage.Application.Common.Changes;
using Linkage.Application.Common.Concurrency;
using Linkage.Application.Common.Exceptions;
using Linkage.Application.Common.Persistence;
using Linkage.Application.Common.Requests;
using Linkage.Application.Common.Security;
using Linkage.Application.Links;
using Linkage.Domain.Contacts;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Linkage.Application.Contacts.DeleteContact;

/// <summary>Soft-deletes a contact and its live links; it then answers 404.</summary>
public sealed record DeleteContact(Guid Id, Precondition Precondition) : ICommand<Unit>, IConditionalCommand, IAuthorizedRequest
{
    Type IConditionalCommand.AggregateType => typeof(Contact);

    Guid IConditionalCommand.AggregateId => Id;

    IReadOnlyList<Permission> IAuthorizedRequest.RequiredPermissions => [Permission.Edit("Contact")];
}

public sealed class DeleteContactHandler(ILinkageDbContext db, ChangeContext changes, ILinkEnds linkEnds)
    : IRequestHandler<DeleteContact, Unit>
{
    public async Task<Unit> Handle(DeleteContact request, CancellationToken cancellationToken)
    {
        var contact = await db.Contacts.LoadAsync(request.Id, cancellationToken)
            ?? throw new NotFoundException("No such contact.");
        var stamp = changes.Stamp();
        contact.Delete(stamp);

        // Links being created to this contact commit first, so the cascade below sees them (ADR 0010).
        await linkEnds.LockContactForDeleteAsync(request.Id, cancellationToken);
        await db.Links.DeleteLiveLinksAsync(l => l.ContactId == request.Id, stamp, cancellationToken);

        return Unit.Value;
    }
}
