namespace Linkage.Application.Definitions.FindDefinition;

/// <summary>Reads a definition (a custom domain, a relationship type) by its name, in any case.</summary>
public sealed record FindDefinition<TDefinition, TView>(string Name) : IQuery<TView>, IAuthorizedRequest
    where TDefinition : AggregateRoot, IDefinition
    where TView : ResourceView, IResourceView<TDefinition, TView>
{
    IReadOnlyList<Permission> IAuthorizedRequest.RequiredPermissions => TView.ReadRights(null);
}

public sealed class FindDefinitionHandler<TDefinition, TView>(ILinkageDbContext db) : IRequestHandler<FindDefinition<TDefinition, TView>, TView>
    where TDefinition : AggregateRoot, IDefinition
    where TView : ResourceView, IResourceView<TDefinition, TView>
{
    public async Task<TView> Handle(FindDefinition<TDefinition, TView> request, CancellationToken cancellationToken)
    {
        var key = request.Name.ToLowerInvariant();
        return await db.Set<TDefinition>().AsNoTracking().Where(d => d.NameKey == key).Select(TView.Projection)
                .FirstOrDefaultAsync(cancellationToken)
            ?? throw new NotFoundException($"No such {TView.Shape.Noun}.");
    }
}
