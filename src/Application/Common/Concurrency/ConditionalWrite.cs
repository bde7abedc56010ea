namespace Linkage.Application.Common.Concurrency;

/// <summary>
/// The one path by which a change to an existing aggregate is checked and written (ADR 0001). Inside the unit
/// of work's transaction it: refuses a command without a precondition (428); loads the target, tracked (404
/// when there is none); refuses a precondition that does not hold (412 with the current ETag); runs the use
/// case on that very instance; and saves. EF Core writes the target with <c>WHERE version = @loaded</c> (the
/// version is the concurrency token), and the loaded version is the one just checked, so the check and the
/// write are atomic (ADR 1). Rights that depend on the target (a typed link's parent) are checked once it is loaded: a writer that changed the target in between makes the save fail, which is the caller's
/// ETag going stale, 412 again (404 if the target was deleted meanwhile).
/// </summary>
public sealed class ConditionalWrite<TCommand, TAggregate, TResponse>(
    IConditionalCommandHandler<TCommand, TAggregate, TResponse> useCase,
    IAggregateStore<TAggregate> aggregates,
    IUnitOfWork unitOfWork,
    ICurrentUser user)
    : IRequestHandler<TCommand, TResponse>
    where TCommand : IConditionalCommand<TAggregate, TResponse>
    where TAggregate : AggregateRoot
{
    private static readonly string Noun = typeof(TAggregate).Name.ToLowerInvariant();

    public async Task<TResponse> Handle(TCommand command, CancellationToken cancellationToken)
    {
        if (!command.Precondition.IsPresent(command.AcceptsIfUnmodifiedSince))
        {
            throw new PreconditionRequiredException(command.AcceptsIfUnmodifiedSince
                ? "This change needs an If-Match (or If-Unmodified-Since) header."
                : "This change needs an If-Match header with the resource's ETag.");
        }

        var target = await aggregates.LoadAsync(command.TargetId, cancellationToken);
        if (target is null || !command.Covers(target))
        {
            throw new NotFoundException($"No such {Noun}.");
        }

        if (command.RightsOver(target) is { Count: > 0 } rights && !rights.Any(user.Has))
        {
            throw new ForbiddenException(rights);
        }

        if (!command.Precondition.IsSatisfiedBy(target.Version, target.UpdatedUtc))
        {
            throw new PreconditionFailedException(target.Version);
        }

        var response = await useCase.Handle(command, target, cancellationToken);
        try
        {
            await unitOfWork.SaveAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException lost) when (lost.Entries.Any(e => ReferenceEquals(e.Entity, target)))
        {
            // A lost race on another aggregate the command touched says nothing about the caller's ETag: it
            // propagates, and the unit of work runs the command again.
            var current = await aggregates.ReadVersionAsync(target.Id, cancellationToken)
                ?? throw new NotFoundException($"No such {Noun}.");
            throw new PreconditionFailedException(current);
        }

        return response;
    }
}
