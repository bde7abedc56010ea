// The platform floor of the patch-link benchmark: one minimal-API endpoint,
// PATCH /api/v1/network/links/{id} with If-Match, sending the SQL the real API sends, with nothing of the
// real stack (no MVC, auth, MediatR, validation pipeline; logging at Warning). Two modes (FLOOR_MODE):
//   raw (default): raw Npgsql, no EF Core (PatchLink). What it reaches under wrk is what
//                  Kestrel + System.Text.Json + Npgsql + this machine allow for the exchange.
//   ef:            the API's EF Core work: its pooled LinkageDbContext, reads, domain method and unit of
//                  work steps (PatchLinkEf). Against raw, it shows what EF Core itself costs.
//
// Environment: ASPNETCORE_URLS (where to listen), ConnectionStrings__Linkage (the benchmark's database),
// FLOOR_TENANT (the tenant whose links are patched; default "bench"), FLOOR_MODE (raw or ef).
using Linkage.Bench.Floor;
using Npgsql;

const string Route = "/api/v1/network/links/{id:guid}";

var builder = WebApplication.CreateSlimBuilder(args);
builder.Logging.ClearProviders().AddConsole().SetMinimumLevel(LogLevel.Warning);

var configured = builder.Configuration.GetConnectionString("Linkage");
if (string.IsNullOrWhiteSpace(configured))
{
    Console.Error.WriteLine("ConnectionStrings__Linkage is not set.");
    return 2;
}

var mode = Environment.GetEnvironmentVariable("FLOOR_MODE") is { Length: > 0 } m ? m : "raw";
if (mode is not ("raw" or "ef"))
{
    Console.Error.WriteLine($"FLOOR_MODE is raw or ef, not {mode}.");
    return 2;
}

// The settings the API adds to its connection string (src/Infrastructure DependencyInjection).
var connection = new NpgsqlConnectionStringBuilder(configured)
{
    MaxAutoPrepare = 64,
    AutoPrepareMinUsages = 2,
    NoResetOnClose = true,
};
var tenant = Environment.GetEnvironmentVariable("FLOOR_TENANT") is { Length: > 0 } t ? t : "bench";

if (mode == "ef")
{
    EfFloor.AddServices(builder.Services, builder.Configuration, connection, tenant);
    var efApp = builder.Build();
    EfFloor.Map(efApp, Route);
    await efApp.RunAsync();
    return 0;
}

await using var dataSource = NpgsqlDataSource.Create(connection.ConnectionString);
var patch = new PatchLink(dataSource, tenant);

var app = builder.Build();
app.MapPatch(Route, (Guid id, HttpContext http) => patch.HandleAsync(id, http));
await app.RunAsync();
return 0;
