using Linkage.Application.Common.Concurrency;
using Linkage.Application.Common.Idempotency;
using Linkage.Application.Common.Security;
using Linkage.Application.Definitions;
using Linkage.Application.Events;
using Linkage.Application.Records;
using Linkage.Infrastructure.Events;
using Linkage.Infrastructure.Idempotency;
using Linkage.Infrastructure.Persistence;
using Linkage.Application.Webhooks;
using Linkage.Infrastructure.Webhooks;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

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
            .ConfigureWarnings(warnings => warnings.Log(FailuresReportedElsewhere))
            .AddInterceptors(sp.GetServices<IInterceptor>()));
        services.AddScoped(sp => sp.GetRequiredService<IDbContextFactory<LinkageDbContext>>().CreateDbContext()
            .Rent(sp.GetRequiredService<ICurrentUser>()));
        services.AddScoped<ILinkageDbContext, RequestStore>();
        services.AddScoped<IUnitOfWork, UnitOfWork>();
        services.AddSingleton<CommitOutcome>();
        services.AddSingleton<ChangeEvents>();
        services.AddScoped(typeof(IAggregateStore<>), typeof(AggregateStore<>));
        services.AddScoped<IRowLocks, RowLocks>();
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

        // Webhooks (API.md 8, ADR 0030): the SSRF guard, and the delivery worker every replica runs unless told not to.
        var webhooks = configuration.GetSection("Webhooks").Get<WebhooksOptions>() ?? new WebhooksOptions();
        services.AddSingleton(webhooks);
        services.AddSingleton<IHostResolver, DnsHostResolver>();
        services.AddSingleton<WebhookTargets>();
        services.AddSingleton<IWebhookTargets>(sp => sp.GetRequiredService<WebhookTargets>());
        services.AddSingleton(sp => new RetrySchedule(sp.GetRequiredService<WebhooksOptions>(), Random.Shared));
        services.AddSingleton<WebhookSender>();
        services.AddSingleton<WebhookAttempts>();
        services.AddSingleton<WebhookDispatcher>();
        if (webhooks.DeliverInThisProcess)
        {
            services.AddHostedService(sp => sp.GetRequiredService<WebhookDispatcher>());
        }

        services.Configure<IdempotencyOptions>(configuration.GetSection("Idempotency"));
        services.AddSingleton<IdempotencyCleanup>();
        services.AddHostedService(sp => sp.GetRequiredService<IdempotencyCleanup>());
        return services;
    }

    /// <summary>
    /// EF Core logs a failed command, query, save or transaction at Error before the exception reaches anyone: a unique
    /// violation that the unit of work turns into a 409, a NUL that becomes a 400, the probe of <c>__EFMigrationsHistory</c>
    /// that fails on a fresh database. Every such exception is logged where its meaning is known, at the level it deserves
    /// (a refusal at Information by the API's RefusalLog, an unreachable database at Warning, a bug at Error with its
    /// stack by the problem handler), so EF's own copies go to Debug (ADR 0021).
    /// </summary>
    private static readonly (EventId Id, LogLevel Level)[] FailuresReportedElsewhere =
    [
        (RelationalEventId.CommandError, LogLevel.Debug),
        (RelationalEventId.ConnectionError, LogLevel.Debug),
        (RelationalEventId.TransactionError, LogLevel.Debug),
        (CoreEventId.SaveChangesFailed, LogLevel.Debug),
        (CoreEventId.QueryIterationFailed, LogLevel.Debug),
    ];
}
