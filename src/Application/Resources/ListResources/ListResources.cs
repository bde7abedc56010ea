using Linkage.Application.Common.Paging;

namespace Linkage.Application.Resources.ListResources;

/// <summary>
/// Lists live resources in id (creation) order; <see cref="Query"/>, when given, keeps those the resource's
/// <see cref="ISearchableView{TAggregate}.Matching"/> says match it (API.md 2.1).
/// </summary>
public sealed record ListResources<TAggregate, TView>(string? Query, PageRequest Page) : IQuery<Page<TView>>, IAuthorizedRequest, IPagedQuery
    where TAggregate : AggregateRoot
    where TView : ResourceView, IResourceView<TAggregate, TView>, ISearchableView<TAggregate>
{
    IReadOnlyList<Permission> IAuthorizedRequest.RequiredPermissions => TView.ReadRights(null);
}

public sealed class ListResourcesHandler<TAggregate, TView>(ILinkageDbContext db) : IRequestHandler<ListResources<TAggregate, TView>, Page<TView>>
    where TAggregate : AggregateRoot
    where TView : ResourceView, IResourceView<TAggregate, TView>, ISearchableView<TAggregate>
{
    public Task<Page<TView>> Handle(ListResources<TAggregate, TView> request, CancellationToken cancellationToken)
    {
        var rows = db.Set<TAggregate>().AsNoTracking();
        if (!string.IsNullOrWhiteSpace(request.Query))
        {
            rows = rows.Where(TView.Matching(request.Query.Trim().ToLowerInvariant()));
        }

        return rows.PageByIdAsync(request.Page, TView.Projection, cancellationToken);
    }
}
