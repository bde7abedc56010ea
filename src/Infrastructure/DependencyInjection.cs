using Linkage.Application.Common.Concurrency;
using Linkage.Application.Common.Persistence;
using Linkage.Application.Links;
using Linkage.Infrastructure.Idempotency;
using Linkage.Infrastructure.Persistence;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Linkage.Infrastructure;

public static class DependencyInjection
{
    /// <summary>
    /// Registers the store and the inner pipeline behaviors. Call after <c>AddLinkageApplication</c>:
    /// behaviors run in registration order, and the unit of work must sit inside the precondition check.
    /// </summary>
    public static IServiceCollection AddLinkageInfrastructure(this IServiceCollection services, IConfiguration configuration)
    {
        var connectionString = BuildConnectionString(configuration.GetConnectionString("Linkage"));
        services.AddDbContext<LinkageDbContext>(options => options.UseNpgsql(connectionString, npgsql =>
            npgsql.EnableRetryOnFailure(maxRetryCount: 2, maxRetryDelay: TimeSpan.FromSeconds(1), errorCodesToAdd: null)));
        services.AddScoped<ILinkageDbContext>(sp => sp.GetRequiredService<LinkageDbContext>());
        services.AddScoped<IAggregateVersionReader, AggregateVersionReader>();
        services.AddScoped<ConcurrencyOutcomes>();
        services.AddScoped<UniqueViolations>();
        services.AddScoped<IUniqueViolationMeaning, LinkUniqueViolations>();
        services.AddScoped<IUniqueViolationMeaning, NoteUniqueViolations>();
        services.AddScoped<IPrimaryLinkSlot, PrimaryLinkSlot>();

        services.AddTransient(typeof(IPipelineBehavior<,>), typeof(UnitOfWorkBehavior<,>));
        services.AddTransient(typeof(IPipelineBehavior<,>), typeof(IdempotencyBehavior<,>));

        services.Configure<IdempotencyOptions>(configuration.GetSection("Idempotency"));
        services.AddSingleton<IdempotencyCleanup>();
        services.AddHostedService(sp => sp.GetRequiredService<IdempotencyCleanup>());
        return services;
    }

    /// <summary>
    /// Bounded timeouts so an unreachable database answers 503 within seconds instead of hanging
    /// (API.md 1.8); explicit settings in the configured string win.
    /// </summary>
    private static string BuildConnectionString(string? configured)
    {
        var builder = new NpgsqlConnectionStringBuilder(configured ?? "Host=127.0.0.1;Database=linkage;Username=postgres");
        if (configured is null || !configured.Contains("Timeout", StringComparison.OrdinalIgnoreCase))
        {
            builder.Timeout = 3;
        }

        return builder.ConnectionString;
    }
}
