using Linkage.Application.Common.Paging;
using Linkage.Application.Timeline;

namespace Linkage.Application.Links.ListLinks;

/// <summary>The live links of a live contact or company, in id (creation) order.</summary>
public sealed record ListLinks(TimelineSubject Subject, PageRequest Page) : IQuery<Page<LinkView>>, IAuthorizedRequest, IPagedQuery
{
    IReadOnlyList<Permission> IAuthorizedRequest.RequiredPermissions => LinkView.ReadRights(null);
}

public sealed class ListLinksHandler(ILinkageDbContext db) : IRequestHandler<ListLinks, Page<LinkView>>
{
    public async Task<Page<LinkView>> Handle(ListLinks request, CancellationToken cancellationToken)
    {
        await request.Subject.EnsureExistsAsync(db, cancellationToken);
        var id = request.Subject.Id;
        var links = request.Subject.Type == SubjectType.Company
            ? db.Links.AsNoTracking().Where(l => l.ParentId == id && l.ChildDomain == BuiltInDomain.Contact)
            : db.Links.AsNoTracking().Where(l => l.ChildId == id && l.ParentDomain == BuiltInDomain.Company);
        return await links.PageByIdAsync(request.Page, LinkView.Projection, cancellationToken);
    }
}
