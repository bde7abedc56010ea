namespace Linkage.Application.Resources.GetResource;

/// <summary>Reads one live resource of the caller's tenant; <see cref="Select"/> names must be properties of it.</summary>
public sealed record GetResource<TAggregate, TView>(Guid Id, FieldSelection Select) : IQuery<TView>, IAuthorizedRequest
    where TAggregate : AggregateRoot
    where TView : ResourceView, IResourceView<TAggregate, TView>
{
    IReadOnlyList<Permission> IAuthorizedRequest.RequiredPermissions => TView.ReadRights;
}

public sealed class GetResourceHandler<TAggregate, TView>(ILinkageDbContext db) : IRequestHandler<GetResource<TAggregate, TView>, TView>
    where TAggregate : AggregateRoot
    where TView : ResourceView, IResourceView<TAggregate, TView>
{
    public async Task<TView> Handle(GetResource<TAggregate, TView> request, CancellationToken cancellationToken)
    {
        request.Select.EnsureKnownIn(TView.Shape);
        return await db.Set<TAggregate>().AsNoTracking().Where(a => a.Id == request.Id).Select(TView.Projection)
                .FirstOrDefaultAsync(cancellationToken)
            ?? throw new NotFoundException($"No such {TView.Shape.Noun}.");
    }
}
