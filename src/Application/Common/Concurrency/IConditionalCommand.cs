namespace Linkage.Application.Common.Concurrency;

/// <summary>
/// A command that changes one existing aggregate, <typeparamref name="TAggregate"/>, and so carries the caller's
/// precondition (API.md 1.4) and the locator of its target. Its handler is
/// <see cref="ConditionalWrite{TCommand,TAggregate,TResponse}"/>, which resolves the target, checks the rights it needs and
/// the precondition, and hands it to the use case's <see cref="IConditionalCommandHandler{TCommand,TAggregate,TResponse}"/>;
/// the unit of work saves it, version-checked (ADR 1, ADR 27).
/// </summary>
public interface IConditionalCommand<TAggregate, out TResponse> : ICommand<TResponse>, IConditionalCommand, IAuthorizedRequest
    where TAggregate : AggregateRoot
{
    /// <summary>The aggregate the command changes.</summary>
    ILocator<TAggregate> Target { get; }

    /// <summary>What changing the loaded target needs: checked once it is read (after 404, before 412).</summary>
    RequiredRights RightsOver(TAggregate target);
}

/// <summary>What every conditional command says about its target, whatever the aggregate's type: what the unit of work reads.</summary>
public interface IConditionalCommand
{
    /// <summary>The target's locator, untyped: a lost race on what it names is the caller's ETag going stale (412).</summary>
    ILocator Locator { get; }

    Precondition Precondition { get; }

    /// <summary>Whether If-Unmodified-Since may stand in for If-Match (contacts and companies, seed 003).</summary>
    bool AcceptsIfUnmodifiedSince { get; }
}

/// <summary>
/// The use case of a conditional command: it gets the target that passed the checks, changes it (and whatever else the
/// change involves) through its methods, and never saves.
/// </summary>
public interface IConditionalCommandHandler<in TCommand, in TAggregate, TResponse>
    where TCommand : IConditionalCommand<TAggregate, TResponse>
    where TAggregate : AggregateRoot
{
    Task<TResponse> Handle(TCommand command, TAggregate target, CancellationToken cancellationToken);
}
