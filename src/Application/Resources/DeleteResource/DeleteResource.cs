namespace Linkage.Application.Resources.DeleteResource;

/// <summary>Soft-deletes a resource (If-Match required) and what depends on it; it then answers 404.</summary>
public sealed record DeleteResource<TAggregate, TView>(Guid Id, Precondition Precondition, string? Domain = null)
    : IConditionalCommand<TAggregate, Unit>, IAuthorizedRequest
    where TAggregate : AggregateRoot, ISoftDeletable
    where TView : IDocument<TAggregate, TView>
{
    Guid IConditionalCommand.TargetId => Id;

    bool IConditionalCommand<TAggregate, Unit>.Covers(TAggregate target) => TView.Holds(target, Domain);

    IReadOnlyList<Permission> IConditionalCommand<TAggregate, Unit>.RightsOver(TAggregate target) => TView.EditRightsOver(target);

    IReadOnlyList<Permission> IAuthorizedRequest.RequiredPermissions => TView.EditRights(Domain);
}

public sealed class DeleteResourceHandler<TAggregate, TView>(ChangeContext changes, IEnumerable<IDeleteCascade<TAggregate>> cascades)
    : IConditionalCommandHandler<DeleteResource<TAggregate, TView>, TAggregate, Unit>
    where TAggregate : AggregateRoot, ISoftDeletable
    where TView : IDocument<TAggregate, TView>
{
    public async Task<Unit> Handle(DeleteResource<TAggregate, TView> command, TAggregate target, CancellationToken cancellationToken)
    {
        var stamp = changes.Stamp();
        target.Delete(stamp);
        foreach (var cascade in cascades)
        {
            await cascade.DeleteDependentsAsync(target, stamp, cancellationToken);
        }

        return Unit.Value;
    }
}
