namespace Linkage.Application.Resources.DeleteResource;

/// <summary>
/// Soft-deletes a resource (If-Match required) and what depends on it (<c>DeleteContact</c>, <c>DeleteRecord</c>); it then
/// answers 404. The named command says which resource and which aggregate; <see cref="Domain"/> is the domain the route
/// names (<c>/records/{domain}</c>), else null.
/// </summary>
public abstract record DeleteResource<TAggregate, TView>(Precondition Precondition, string? Domain)
    : IConditionalCommand<TAggregate, Unit>
    where TAggregate : AggregateRoot
{
    [System.Text.Json.Serialization.JsonIgnore]
    public abstract ResourceDescription<TAggregate, TView> Resource { get; }

    [System.Text.Json.Serialization.JsonIgnore]
    public abstract ILocator<TAggregate> Target { get; }

    ILocator IConditionalCommand.Locator => Target;

    public bool AcceptsIfUnmodifiedSince => false;

    public RequiredRights Rights => Resource.Rights.Edit.ForRequest(Domain);

    public RequiredRights RightsOver(TAggregate target) => Resource.Rights.Edit.Of(target);
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
