using System.Globalization;
using Linkage.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Linkage.Api.Operations;

/// <summary>
/// The image's commands besides serving (Dockerfile, README "Deploy", ADR 0014):
/// <list type="bullet">
/// <item><c>migrate</c>: waits for the database (at most <c>Database:MigrateWait</c>, default 60 s), applies the
/// pending EF Core migrations and exits 0, else logs why and exits 1. A platform team runs it once per release,
/// before the new replicas start. EF Core's migration lock makes a second, concurrent run wait, not collide.</item>
/// <item><c>healthcheck [path]</c>: GET <c>http://127.0.0.1:{first ASPNETCORE_HTTP_PORTS}{path}</c> (default
/// <c>/health/live</c>), exit 0 on a 2xx, else 1. The runtime image has no curl, so its HEALTHCHECK runs this.</item>
/// </list>
/// </summary>
public static class ContainerCommands
{
    public static bool IsMigrate(string[] args) => args.Length > 0 && args[0] == "migrate";

    public static bool IsHealthcheck(string[] args) => args.Length > 0 && args[0] == "healthcheck";

    /// <summary>Runs <c>migrate</c> with the built (never started) host: no hosted service runs, no port is opened.</summary>
    public static async Task<int> MigrateAsync(WebApplication app)
    {
        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("Linkage.Migrate");
        if (string.IsNullOrWhiteSpace(app.Configuration.GetConnectionString("Linkage")))
        {
            logger.LogError("migrate: set ConnectionStrings__Linkage to the database to migrate.");
            return 1;
        }

        try
        {
            await using var scope = app.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<LinkageDbContext>();
            var wait = app.Configuration.GetValue("Database:MigrateWait", TimeSpan.FromSeconds(60));
            if (!await WaitForDatabaseAsync(db, wait))
            {
                logger.LogError("migrate: the database did not answer within {Wait}.", wait);
                return 1;
            }

            // On an empty database EF logs one failed query of the history table before creating it: expected.
            await DatabaseState.MigrateAsync(db);
            var applied = (await db.Database.GetAppliedMigrationsAsync()).ToList();
            logger.LogInformation("migrate: the database is up to date ({Count} migrations, the latest {Latest}).",
                applied.Count, applied.LastOrDefault());
            return 0;
        }
        catch (Exception ex)
        {
            logger.LogError(ex, "migrate: failed.");
            return 1;
        }
    }

    public static async Task<int> HealthcheckAsync(string[] args)
    {
        var path = args.Length > 1 ? args[1] : "/health/live";
        var ports = Environment.GetEnvironmentVariable("ASPNETCORE_HTTP_PORTS");
        var port = ports?.Split([';', ','], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).FirstOrDefault() ?? "8080";
        var url = string.Create(CultureInfo.InvariantCulture, $"http://127.0.0.1:{port}{path}");
        try
        {
            using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(3) };
            using var response = await http.GetAsync(url);
            Console.WriteLine($"{url}: {(int)response.StatusCode}");
            return response.IsSuccessStatusCode ? 0 : 1;
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
        {
            Console.WriteLine($"{url}: {ex.Message}");
            return 1;
        }
    }

    private static async Task<bool> WaitForDatabaseAsync(LinkageDbContext db, TimeSpan wait)
    {
        var deadline = DateTime.UtcNow + wait;
        while (true)
        {
            try
            {
                if (await db.Database.CanConnectAsync())
                {
                    return true;
                }
            }
            catch (Exception ex) when (ex is Npgsql.NpgsqlException or TimeoutException or InvalidOperationException)
            {
                // Not up yet (a compose start order without health conditions, a database still starting).
            }

            if (DateTime.UtcNow >= deadline)
            {
                return false;
            }

            await Task.Delay(TimeSpan.FromSeconds(1));
        }
    }
}
