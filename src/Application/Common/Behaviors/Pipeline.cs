using Microsoft.Extensions.DependencyInjection;

namespace Linkage.Application.Common.Behaviors;

/// <summary>
/// The order every request goes through, outermost first: the one list of the pipeline's behaviors. MediatR
/// runs behaviors in the order they are registered. After them comes the request's handler; for a conditional
/// command that is <see cref="ConditionalWrite{TCommand,TAggregate,TResponse}"/> (precondition, target, rights, use case);
/// the unit of work saves once, when the handler is done.
/// </summary>
public static class Pipeline
{
    public static IReadOnlyList<Type> Behaviors { get; } =
    [
        typeof(LoggingBehavior<,>),       // request name, tenant, elapsed; refusals at Information
        typeof(AuthorizationBehavior<,>), // the rights the request says it needs, else 403
        typeof(ValidationBehavior<,>),    // every validator, all failures in one 400
        typeof(UnitOfWorkBehavior<,>),    // commands: one transaction, saved once, retried as a whole
        typeof(IdempotencyBehavior<,>),   // creates with Idempotency-Key: claim or replay, inside that transaction
    ];

    public static void Add(IServiceCollection services)
    {
        foreach (var behavior in Behaviors)
        {
            services.AddTransient(typeof(IPipelineBehavior<,>), behavior);
        }
    }
}
