using Linkage.Application.Common.Concurrency;
using Linkage.Application.Common.Idempotency;
using Linkage.Application.Common.Security;
using Linkage.Application.Definitions;
using Linkage.Application.Events;
using Linkage.Application.Records;
using Linkage.Infrastructure.Events;
using Linkage.Infrastructure.Idempotency;
using Linkage.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Linkage.Infrastructure;

public static class DependencyInjection
{
    /// <summary>
    /// Registers the store behind the Application's abstractions: the pooled <see cref="LinkageDbContext"/>
    /// (rented for the request's caller, ADR 0009), the unit of work, the aggregate reads, the row locks, the
    /// idempotency keys and what each unique index means.
    /// </summary>
    public static IServiceCollection AddLinkageInfrastructure(this IServiceCollection services, IConfiguration configuration)
    {
        var connectionString = ConnectionSettings.For(configuration);
        // Interceptors registered in the container (none in production; tests record SQL with one) join every context.
        // No EF retrying execution strategy: the unit of work retries a whole command on a transient fault itself,
        // and EF's would buffer every result set and wrap every query in its own retry loop (ADR 0017).
        services.AddPooledDbContextFactory<LinkageDbContext>((sp, options) => options
            .UseNpgsql(connectionString)
            .AddInterceptors(sp.GetServices<IInterceptor>()));
        services.AddScoped(sp => sp.GetRequiredService<IDbContextFactory<LinkageDbContext>>().CreateDbContext()
            .Rent(sp.GetRequiredService<ICurrentUser>()));
        services.AddScoped<ILinkageDbContext, RequestStore>();
        services.AddScoped<IUnitOfWork, UnitOfWork>();
        services.AddScoped(typeof(IAggregateStore<>), typeof(AggregateStore<>));
        services.AddScoped<IRecordLocks, RecordLocks>();
        services.AddScoped<IIdempotencyStore, IdempotencyStore>();
        services.AddScoped<UniqueViolations>();
        services.AddScoped<IUniqueViolationMeaning, LinkUniqueViolations>();
        services.AddScoped<IUniqueViolationMeaning, NoteUniqueViolations>();
        services.AddScoped<IUniqueViolationMeaning, DefinitionUniqueViolations>();
        services.AddScoped<IRecordSearch, RecordSearch>();
        services.AddScoped<IFieldUsage, FieldUsage>();

        // The change feed (ADR 0028): its reader, the replica's one poller of the heads its streams follow, and retention.
        services.AddSingleton(configuration.GetSection("Events").Get<EventsOptions>() ?? new EventsOptions());
        services.AddScoped<IEventFeed, EventFeed>();
        services.AddSingleton<EventHeadPoller>();
        services.AddSingleton<IEventHeads>(sp => sp.GetRequiredService<EventHeadPoller>());
        services.AddHostedService(sp => sp.GetRequiredService<EventHeadPoller>());
        services.AddSingleton<EventRetention>();
        services.AddHostedService(sp => sp.GetRequiredService<EventRetention>());

        services.Configure<IdempotencyOptions>(configuration.GetSection("Idempotency"));
        services.AddSingleton<IdempotencyCleanup>();
        services.AddHostedService(sp => sp.GetRequiredService<IdempotencyCleanup>());
        return services;
    }
}
