using FluentValidation;
using Linkage.Application.Common.Behaviors;
using Linkage.Application.Common.Changes;
using Linkage.Application.Common.Concurrency;
using Linkage.Application.Common.Idempotency;
using Linkage.Application.Notes;
using MediatR;
using Microsoft.Extensions.DependencyInjection;

namespace Linkage.Application;

public static class DependencyInjection
{
    /// <summary>
    /// Registers MediatR (5.1 has no DI package: the factory, mediator and handlers are wired here),
    /// the validators, and the outer pipeline behaviors. Behaviors registered first run outermost:
    /// logging, authorization, validation, note scope; the infrastructure then adds the unit of work and,
    /// inside its transaction, the precondition check (<see cref="PreconditionBehavior{TRequest,TResponse}"/>)
    /// and idempotency.
    /// </summary>
    public static IServiceCollection AddLinkageApplication(this IServiceCollection services)
    {
        services.AddScoped<ServiceFactory>(sp => sp.GetService!);
        services.AddScoped<IMediator, Mediator>();
        RegisterHandlers(services);

        // Child validators that take settings (e.g. ContactPointValidator) are composed by hand, not registered.
        services.AddValidatorsFromAssembly(
            typeof(DependencyInjection).Assembly,
            ServiceLifetime.Singleton,
            filter: v => v.ValidatorType.GetConstructor(Type.EmptyTypes) is not null);
        services.AddTransient(typeof(IPipelineBehavior<,>), typeof(LoggingBehavior<,>));
        services.AddTransient(typeof(IPipelineBehavior<,>), typeof(AuthorizationBehavior<,>));
        services.AddTransient(typeof(IPipelineBehavior<,>), typeof(ValidationBehavior<,>));
        services.AddTransient(typeof(IPipelineBehavior<,>), typeof(NoteScopeBehavior<,>));

        services.AddScoped<PreconditionContext>();
        services.AddScoped<IdempotencyOutcome>();
        services.AddScoped<ChangeContext>();
        services.AddSingleton(TimeProvider.System);
        return services;
    }

    private static void RegisterHandlers(IServiceCollection services)
    {
        var handlers = typeof(DependencyInjection).Assembly.GetTypes()
            .Where(t => t is { IsAbstract: false, IsInterface: false, IsGenericTypeDefinition: false })
            .SelectMany(t => t.GetInterfaces()
                .Where(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IRequestHandler<,>))
                .Select(i => (Service: i, Implementation: t)));
        foreach (var (service, implementation) in handlers)
        {
            services.AddTransient(service, implementation);
        }
    }
}
