namespace Linkage.Application.Resources.GetResource;

/// <summary>
/// Reads one live resource of the caller's tenant as its view (<c>GetContact</c>, <c>GetDomain</c>): the named query says
/// which resource and which aggregate; <see cref="Select"/> names must be properties of it.
/// </summary>
public abstract record GetResource<TAggregate, TView>(FieldSelection Select) : IQuery<TView>, IAuthorizedRequest
    where TAggregate : AggregateRoot
    where TView : ResourceView
{
    [System.Text.Json.Serialization.JsonIgnore]
    public abstract ResourceDescription<TAggregate, TView> Resource { get; }

    /// <summary>The aggregate it reads: by id, or by a definition's name.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public abstract Expression<Func<TAggregate, bool>> Which { get; }

    public RequiredRights Rights => Resource.Rights.Read.ForRequest(null);
}

public sealed class GetResourceHandler<TQuery, TAggregate, TView>(ILinkageDbContext db) : IRequestHandler<TQuery, TView>
    where TQuery : GetResource<TAggregate, TView>
    where TAggregate : AggregateRoot
    where TView : ResourceView
{
    public async Task<TView> Handle(TQuery request, CancellationToken cancellationToken)
    {
        var resource = request.Resource;
        request.Select.EnsureKnownIn(resource.Shape);
        return await db.Set<TAggregate>().AsNoTracking().Where(request.Which).Select(resource.Projection!).FirstOrDefaultAsync(cancellationToken)
            ?? throw new NotFoundException($"No such {resource.Noun}.");
    }
}
