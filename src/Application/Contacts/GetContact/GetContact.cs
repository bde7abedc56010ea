using Linkage.Application.Common.Exceptions;
using Linkage.Application.Common.Fields;
using Linkage.Application.Common.Persistence;
using Linkage.Application.Common.Requests;
using Linkage.Application.Common.Security;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Linkage.Application.Contacts.GetContact;

/// <summary>Reads one live contact of the caller's tenant; <see cref="Select"/> names must be contact properties.</summary>
public sealed record GetContact(Guid Id, FieldSelection? Select = null) : IQuery<ContactView>, IAuthorizedRequest
{
    IReadOnlyList<Permission> IAuthorizedRequest.RequiredPermissions => [Permission.Read("Contact")];
}

public sealed class GetContactHandler(ILinkageDbContext db) : IRequestHandler<GetContact, ContactView>
{
    public async Task<ContactView> Handle(GetContact request, CancellationToken cancellationToken)
    {
        request.Select?.EnsureKnownIn(ContactShape.Instance);
        return await db.Contacts.AsNoTracking().Where(c => c.Id == request.Id).Select(ContactView.Projection)
            .FirstOrDefaultAsync(cancellationToken)
            ?? throw new NotFoundException("No such contact.");
    }
}
