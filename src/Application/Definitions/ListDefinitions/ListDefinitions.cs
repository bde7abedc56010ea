using Linkage.Application.Common.Paging;

namespace Linkage.Application.Definitions.ListDefinitions;

/// <summary>The tenant's definitions of one kind (custom domains, relationship types), in the order they were made.</summary>
public sealed record ListDefinitions<TDefinition, TView>(PageRequest Page) : IQuery<Page<TView>>, IAuthorizedRequest, IPagedQuery
    where TDefinition : AggregateRoot, IDefinition
    where TView : ResourceView, IResourceView<TDefinition, TView>
{
    IReadOnlyList<Permission> IAuthorizedRequest.RequiredPermissions => TView.ReadRights(null);
}

public sealed class ListDefinitionsHandler<TDefinition, TView>(ILinkageDbContext db)
    : IRequestHandler<ListDefinitions<TDefinition, TView>, Page<TView>>
    where TDefinition : AggregateRoot, IDefinition
    where TView : ResourceView, IResourceView<TDefinition, TView>
{
    public Task<Page<TView>> Handle(ListDefinitions<TDefinition, TView> request, CancellationToken cancellationToken) =>
        db.Set<TDefinition>().AsNoTracking().PageByIdAsync(request.Page, TView.Projection, cancellationToken);
}
