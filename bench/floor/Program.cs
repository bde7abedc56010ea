// The platform floor of the patch-link benchmark: one minimal-API endpoint,
// PATCH /api/v1/network/links/{id} with If-Match, sending the SQL the real API sends, with nothing of the
// real stack (no MVC, auth, MediatR, validation pipeline, EF Core; logging at Warning). What it reaches
// under wrk is what Kestrel + System.Text.Json + Npgsql + this machine allow for the exchange.
//
// Environment: ASPNETCORE_URLS (where to listen), ConnectionStrings__Linkage (the benchmark's database),
// FLOOR_TENANT (the tenant whose links are patched; default "bench").
using Linkage.Bench.Floor;
using Npgsql;

var builder = WebApplication.CreateSlimBuilder(args);
builder.Logging.ClearProviders().AddConsole().SetMinimumLevel(LogLevel.Warning);

var configured = builder.Configuration.GetConnectionString("Linkage");
if (string.IsNullOrWhiteSpace(configured))
{
    Console.Error.WriteLine("ConnectionStrings__Linkage is not set.");
    return 2;
}

// The settings the API adds to its connection string (src/Infrastructure DependencyInjection).
var connection = new NpgsqlConnectionStringBuilder(configured)
{
    MaxAutoPrepare = 64,
    AutoPrepareMinUsages = 2,
    NoResetOnClose = true,
};
await using var dataSource = NpgsqlDataSource.Create(connection.ConnectionString);

var tenant = Environment.GetEnvironmentVariable("FLOOR_TENANT") is { Length: > 0 } t ? t : "bench";
var patch = new PatchLink(dataSource, tenant);

var app = builder.Build();
app.MapPatch("/api/v1/network/links/{id:guid}", (Guid id, HttpContext http) => patch.HandleAsync(id, http));
await app.RunAsync();
return 0;
