using Linkage.Application.Common.Security;
using Linkage.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Npgsql;

namespace Linkage.Bench.Floor;

/// <summary>
/// The services of the EF Core mode: the API's pooled context factory with the API's options, and the one
/// caller every request acts as. Kept out of Program.cs, so that the raw mode never calls into EF Core.
/// </summary>
public static class EfFloor
{
    /// <summary>
    /// Mirrors <c>AddLinkageInfrastructure</c> (src/Infrastructure/DependencyInjection.cs) for the context only:
    /// the same connection string settings (<paramref name="connection"/> already holds the pool settings
    /// Program.cs gives both modes), retry on failure, the container's interceptors (none here, as in production).
    /// </summary>
    public static void AddServices(IServiceCollection services, NpgsqlConnectionStringBuilder connection, string tenant)
    {
        // DependencyInjection.BuildConnectionString: the one setting of the API's the raw mode does not need.
        var connectionString = new NpgsqlConnectionStringBuilder(connection.ConnectionString) { Timeout = 3 }.ConnectionString;
        services.AddPooledDbContextFactory<LinkageDbContext>((sp, options) => options
            .UseNpgsql(connectionString, npgsql =>
                npgsql.EnableRetryOnFailure(maxRetryCount: 2, maxRetryDelay: TimeSpan.FromSeconds(1), errorCodesToAdd: null))
            .AddInterceptors(sp.GetServices<IInterceptor>()));
        services.AddSingleton<ICurrentUser>(new FloorCaller(tenant));
        services.AddSingleton<PatchLinkEf>();
    }

    /// <summary>Maps the route to the EF Core handler, built once, as Program.cs maps the raw one.</summary>
    public static void Map(WebApplication app, string route)
    {
        var patch = app.Services.GetRequiredService<PatchLinkEf>();
        app.MapPatch(route, (Guid id, HttpContext http) => patch.HandleAsync(id, http));
    }

    /// <summary>
    /// The benchmark's caller, as its tokens name it (bench/lib/phases.sh: <c>sub</c> bench-user, the run's tenant,
    /// every right); fixed, where the API reads it from the validated token on each request.
    /// </summary>
    private sealed class FloorCaller(string tenant) : ICurrentUser
    {
        public string ActorId => "bench-user";

        public string TenantId => tenant;

        public IReadOnlyCollection<Permission> Permissions { get; } = [new(Permission.Any, Permission.Any)];
    }
}
