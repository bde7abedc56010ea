using Linkage.Application.Common.Paging;
using Linkage.Application.Common.Persistence;
using Linkage.Application.Common.Requests;
using Linkage.Application.Common.Security;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Linkage.Application.Contacts.ListContacts;

/// <summary>
/// Lists live contacts in id (creation) order. <see cref="Query"/> matches, case-insensitively,
/// a prefix of first, last or full name, or a whole email value.
/// </summary>
public sealed record ListContacts(string? Query, PageRequest Page) : IQuery<Page<ContactView>>, IAuthorizedRequest
{
    IReadOnlyList<Permission> IAuthorizedRequest.RequiredPermissions => [Permission.Read("Contact")];
}

public sealed class ListContactsHandler(ILinkageDbContext db) : IRequestHandler<ListContacts, Page<ContactView>>
{
    public async Task<Page<ContactView>> Handle(ListContacts request, CancellationToken cancellationToken)
    {
        var contacts = db.Contacts.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(request.Query))
        {
            var q = request.Query.Trim().ToLowerInvariant();
            contacts = contacts.Where(c =>
                c.FirstName!.ToLower().StartsWith(q)
                || c.LastName!.ToLower().StartsWith(q)
                || c.FullName.ToLower().StartsWith(q)
                || c.EmailKeys.Contains(q));
        }

        if (request.Page.DecodeGuidCursor() is { } after)
        {
            contacts = contacts.Where(c => c.Id.CompareTo(after) > 0);
        }

        var rows = await contacts.OrderBy(c => c.Id).Take(request.Page.Limit + 1)
            .Select(ContactView.Projection).ToListAsync(cancellationToken);
        return request.Page.ToPage(rows, c => c.Id.ToString());
    }
}
