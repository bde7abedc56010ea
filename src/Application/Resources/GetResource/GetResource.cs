namespace Linkage.Application.Resources.GetResource;

/// <summary>Reads one live resource of the caller's tenant; <see cref="Select"/> names must be properties of it.</summary>
public sealed record GetResource<TAggregate, TView>(Guid Id, FieldSelection Select, string? Domain = null) : IQuery<TView>, IAuthorizedRequest
    where TAggregate : AggregateRoot
    where TView : ResourceView, IResourceView<TAggregate, TView>
{
    IReadOnlyList<Permission> IAuthorizedRequest.RequiredPermissions => TView.ReadRights(Domain);
}

public sealed class GetResourceHandler<TAggregate, TView>(ILinkageDbContext db) : IRequestHandler<GetResource<TAggregate, TView>, TView>
    where TAggregate : AggregateRoot
    where TView : ResourceView, IResourceView<TAggregate, TView>
{
    public async Task<TView> Handle(GetResource<TAggregate, TView> request, CancellationToken cancellationToken)
    {
        request.Select.EnsureKnownIn(TView.Shape);
        var rows = db.Set<TAggregate>().AsNoTracking().Where(a => a.Id == request.Id);
        if (TView.Filter(request.Domain) is { } filter)
        {
            rows = rows.Where(filter);
        }

        return await rows.Select(TView.Projection).FirstOrDefaultAsync(cancellationToken)
            ?? throw new NotFoundException($"No such {TView.Shape.Noun}.");
    }
}
