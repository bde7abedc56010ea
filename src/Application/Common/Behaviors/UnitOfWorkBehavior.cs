namespace Linkage.Application.Common.Behaviors;

/// <summary>
/// Runs every command in one transaction of the unit of work, saved once at its end (<see cref="IUnitOfWork.RunAsync{T}"/>);
/// a conditional command names its target, so a lost race on it answers 412. Queries run without one.
/// </summary>
public sealed class UnitOfWorkBehavior<TRequest, TResponse>(IUnitOfWork unitOfWork) : IPipelineBehavior<TRequest, TResponse>
{
    /// <summary>Worked out once per request type, not on every request.</summary>
    private static readonly bool IsCommand =
        typeof(TRequest).GetInterfaces().Any(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(ICommand<>));

    public Task<TResponse> Handle(TRequest request, CancellationToken cancellationToken, RequestHandlerDelegate<TResponse> next) =>
        IsCommand ? unitOfWork.RunAsync(() => next(), (request as IConditionalCommand)?.Locator, cancellationToken) : next();
}
