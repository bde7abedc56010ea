namespace Linkage.Application.Common.Concurrency;

/// <summary>
/// A command that changes one existing aggregate, <typeparamref name="TAggregate"/>, and so carries the
/// caller's precondition (API.md 1.4). Its handler is <see cref="ConditionalWrite{TCommand,TAggregate,TResponse}"/>,
/// which checks the precondition against the aggregate it loads, hands that aggregate to the use case's
/// <see cref="IConditionalCommandHandler{TCommand,TAggregate,TResponse}"/>, and saves it version-checked.
/// </summary>
public interface IConditionalCommand<in TAggregate, out TResponse> : ICommand<TResponse>, IConditionalCommand
    where TAggregate : AggregateRoot
{
    /// <summary>Whether the loaded aggregate is what the request names (a record of the route's domain, a network link); else 404.</summary>
    bool Covers(TAggregate target) => true;

    /// <summary>Rights over the loaded aggregate that only it can tell (a typed link: its parent's domain); one is needed, else 403.</summary>
    IReadOnlyList<Permission> RightsOver(TAggregate target) => [];
}

/// <summary>What every conditional command says about its target, whatever the aggregate's type.</summary>
public interface IConditionalCommand
{
    /// <summary>The id of the aggregate the command changes.</summary>
    Guid TargetId { get; }

    Precondition Precondition { get; }

    /// <summary>Contacts and companies also accept If-Unmodified-Since (seed 003).</summary>
    bool AcceptsIfUnmodifiedSince => false;
}

/// <summary>
/// The use case of a conditional command: it gets the target that passed the precondition check, changes it
/// (and whatever else the change involves) through its methods, and never saves.
/// </summary>
public interface IConditionalCommandHandler<in TCommand, in TAggregate, TResponse>
    where TCommand : IConditionalCommand<TAggregate, TResponse>
    where TAggregate : AggregateRoot
{
    Task<TResponse> Handle(TCommand command, TAggregate target, CancellationToken cancellationToken);
}
