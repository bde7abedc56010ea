namespace Linkage.Application.Resources.DeleteResource;

/// <summary>
/// Soft-deletes a resource (If-Match required) and what depends on it (<c>DeleteContact</c>, <c>DeleteRecord</c>); it then
/// answers 404. The named command says which resource and which aggregate; <see cref="Domain"/> is the domain the route
/// names (<c>/records/{domain}</c>), else null.
/// </summary>
public abstract record DeleteResource<TAggregate, TView>(Precondition Precondition, string? Domain)
    : ResourceWrite<TAggregate, TView, Unit>(Precondition, Domain)
    where TAggregate : AggregateRoot
{
    /// <summary>A delete needs If-Match (API.md 1.4).</summary>
    public override bool AcceptsIfUnmodifiedSince => false;
}

public sealed class DeleteResourceHandler<TCommand, TAggregate, TView>(ChangeContext changes, IEnumerable<IDeleteCascade<TAggregate>> cascades)
    : IConditionalCommandHandler<TCommand, TAggregate, Unit>
    where TCommand : DeleteResource<TAggregate, TView>
    where TAggregate : AggregateRoot
{
    public async Task<Unit> Handle(TCommand command, TAggregate target, CancellationToken cancellationToken)
    {
        var stamp = changes.Stamp();

        // Registered only for soft-deletable aggregates (ResourceRegistration.Deletable checks it when the app starts).
        ((ISoftDeletable)target).Delete(stamp);
        foreach (var cascade in cascades)
        {
            await cascade.DeleteDependentsAsync(target, stamp, cancellationToken);
        }

        return Unit.Value;
    }
}
