namespace Linkage.Application.Common.Concurrency;

/// <summary>
/// The one path by which a change to an existing aggregate is checked (ADR 1, ADR 27). Inside the unit of work's
/// transaction, in this order: a command without a precondition is 428; its locator finds the target, tracked (404 when
/// there is none); the rights the target needs are checked (403; a typed link's are on its parent's domain); a precondition
/// that does not hold is 412 with the current ETag; then the use case runs on that very instance. The unit of work saves
/// once: EF Core writes the target with <c>WHERE version = @loaded</c>, and the loaded version is the one just checked, so the
/// check and the write are atomic; a writer that changed the target in between makes that save a 412 again.
/// </summary>
public sealed class ConditionalWrite<TCommand, TAggregate, TResponse>(
    IConditionalCommandHandler<TCommand, TAggregate, TResponse> useCase,
    IAggregateStore<TAggregate> aggregates,
    ILinkageDbContext db,
    ICurrentUser user)
    : IRequestHandler<TCommand, TResponse>
    where TCommand : IConditionalCommand<TAggregate, TResponse>
    where TAggregate : AggregateRoot
{
    public async Task<TResponse> Handle(TCommand command, CancellationToken cancellationToken)
    {
        if (!command.Precondition.IsPresent(command.AcceptsIfUnmodifiedSince))
        {
            throw new PreconditionRequiredException(command.AcceptsIfUnmodifiedSince
                ? "This change needs an If-Match (or If-Unmodified-Since) header."
                : "This change needs an If-Match header with the resource's ETag.");
        }

        var target = await command.Target.FindAsync(aggregates, db, cancellationToken)
            ?? throw new NotFoundException($"No such {command.Target.Noun}.");
        command.RightsOver(target).Demand(user);
        if (!command.Precondition.IsSatisfiedBy(target.Version, target.UpdatedUtc))
        {
            throw new PreconditionFailedException(target.Version);
        }

        return await useCase.Handle(command, target, cancellationToken);
    }
}
