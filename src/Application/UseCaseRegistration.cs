using Microsoft.Extensions.DependencyInjection;

namespace Linkage.Application;

/// <summary>The assembly scan that registers every non-generic use case handler.</summary>
internal static class UseCaseRegistration
{
    /// <summary>
    /// A query's or create's handler serves its request directly. A conditional command's use case
    /// (<see cref="IConditionalCommandHandler{TCommand,TAggregate,TResponse}"/>) is served through
    /// <see cref="ConditionalWrite{TCommand,TAggregate,TResponse}"/>, the one path that checks and saves it.
    /// </summary>
    public static void AddHandlers(IServiceCollection services, System.Reflection.Assembly assembly)
    {
        foreach (var type in assembly.GetTypes().Where(t => t is { IsAbstract: false, IsInterface: false, IsGenericTypeDefinition: false }))
        {
            foreach (var contract in type.GetInterfaces().Where(i => i.IsGenericType))
            {
                var definition = contract.GetGenericTypeDefinition();
                if (definition == typeof(IRequestHandler<,>))
                {
                    services.AddTransient(contract, type);
                }
                else if (definition == typeof(IConditionalCommandHandler<,,>))
                {
                    services.AddConditional(contract, type);
                }
            }
        }
    }

    /// <summary>Registers a conditional command's use case and, as its request handler, the conditional write around it.</summary>
    public static void AddConditional(this IServiceCollection services, Type useCase, Type implementation)
    {
        var (command, aggregate, response) = (useCase.GetGenericArguments()[0], useCase.GetGenericArguments()[1], useCase.GetGenericArguments()[2]);
        services.AddTransient(useCase, implementation);
        services.AddTransient(
            typeof(IRequestHandler<,>).MakeGenericType(command, response),
            typeof(ConditionalWrite<,,>).MakeGenericType(command, aggregate, response));
    }
}
