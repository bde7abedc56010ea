using Linkage.Application.Common.Paging;
using Linkage.Application.Timeline;

namespace Linkage.Application.Links.ListLinks;

/// <summary>The live links of a live contact or company, in id (creation) order.</summary>
public sealed record ListLinks(TimelineSubject Subject, PageRequest Page) : IQuery<Page<LinkView>>, IAuthorizedRequest, IPagedQuery
{
    RequiredRights IAuthorizedRequest.Rights => NetworkLinkResource.Description.Rights.Read.ForRequest(null);
}

public sealed class ListLinksHandler(ILinkageDbContext db) : IRequestHandler<ListLinks, Page<LinkView>>
{
    public async Task<Page<LinkView>> Handle(ListLinks request, CancellationToken cancellationToken)
    {
        await request.Subject.FindAsync(db, cancellationToken);
        var id = request.Subject.Id;
        var links = request.Subject.Type == SubjectType.Company
            ? db.NetworkLinks.AsNoTracking().Where(l => l.ParentId == id)
            : db.NetworkLinks.AsNoTracking().Where(l => l.ChildId == id);
        return await links.PageByIdAsync(request.Page, NetworkLinkResource.Description.Projection!, cancellationToken);
    }
}
