using Linkage.Application;
using Linkage.Application.Common.Changes;
using Linkage.Application.Common.Security;
using Linkage.Infrastructure;
using Npgsql;

namespace Linkage.Bench.Floor;

/// <summary>
/// The services of the EF Core mode: the API's own Application and Infrastructure registrations (the pooled
/// context with the API's options, the unit of work, the conditional write and the link use case), and the one
/// caller every request acts as. Kept out of Program.cs, so that the raw mode never calls into EF Core.
/// </summary>
public static class EfFloor
{
    public static void AddServices(IServiceCollection services, IConfiguration configuration, NpgsqlConnectionStringBuilder connection, string tenant)
    {
        // AddLinkageInfrastructure adds the pool settings itself, as in the API; the raw mode's copy of them is not used.
        configuration["ConnectionStrings:Linkage"] = connection.ConnectionString;
        services.AddLinkageApplication();
        services.AddLinkageInfrastructure(configuration);
        services.AddSingleton<ICurrentUser>(new FloorCaller(tenant));
        services.AddSingleton<IChangeOrigin, DefaultOrigin>();
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

    /// <summary>X-Change-Origin is never sent by the benchmark: the API's default.</summary>
    private sealed class DefaultOrigin : IChangeOrigin
    {
        public string Value => "api";
    }
}
