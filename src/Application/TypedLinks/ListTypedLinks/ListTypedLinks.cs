using Linkage.Application.Common.Paging;
using Linkage.Application.Timeline;

namespace Linkage.Application.TypedLinks.ListTypedLinks;

/// <summary>
/// A record's links (<c>/records/{domain}/{id}/links</c>), or a contact's links from records of custom domains
/// (<c>/network/contacts/{id}/record-links</c>), as documents, in id order (API.md 6). A contact's list holds only the
/// links whose parent's domain the caller may read.
/// </summary>
public sealed record ListTypedLinks(TimelineSubject Subject, bool IncludeEntityLabels, PageRequest Page)
    : IQuery<Page<TypedLinkView>>, IAuthorizedRequest, IPagedQuery
{
    RequiredRights IAuthorizedRequest.Rights => Subject.ReadRights;
}

public sealed class ListTypedLinksHandler(ILinkageDbContext db, ICurrentUser user, TypedLinkDocuments documents)
    : IRequestHandler<ListTypedLinks, Page<TypedLinkView>>
{
    public async Task<Page<TypedLinkView>> Handle(ListTypedLinks request, CancellationToken cancellationToken)
    {
        await request.Subject.FindAsync(db, cancellationToken);
        var id = request.Subject.Id;
        var links = request.Subject.Type == SubjectType.Contact
            ? Readable(db.TypedLinks.AsNoTracking().Where(l => l.ChildId == id))
            : db.TypedLinks.AsNoTracking().Where(l => l.ParentId == id);
        if (request.Page.DecodeGuidCursor() is { } after)
        {
            links = links.Where(l => l.Id.CompareTo(after) > 0);
        }

        var rows = await links.OrderBy(l => l.Id).Take(request.Page.Limit + 1)
            .Select(TypedLinkRow.Projection(db, request.IncludeEntityLabels)).ToListAsync(cancellationToken);
        return request.Page.ToPage(rows.Select(r => documents.Show(r, reveal: false)).ToList(), d => d.Id.ToString());
    }

    /// <summary>The links whose parent's domain the caller may read: every one with <c>Read</c> on <c>*</c>.</summary>
    private IQueryable<TypedLink> Readable(IQueryable<TypedLink> links)
    {
        if (user.Has(Permission.Read(Permission.Any)))
        {
            return links;
        }

        var domains = user.Permissions.Where(p => p.Right == Permission.Any || string.Equals(p.Right, "Read", StringComparison.OrdinalIgnoreCase)).Select(p => p.Domain.ToLowerInvariant()).ToList();
        return links.Where(l => domains.Contains(l.ParentDomain.ToLower()));
    }
}
