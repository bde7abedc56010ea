using Linkage.Api;
using Linkage.Api.Operations;
using Linkage.Api.Operations.OpenApi;

if (ContainerCommands.IsHealthcheck(args))
{
    Environment.ExitCode = await ContainerCommands.HealthcheckAsync(args);
    return;
}

var exportPath = OpenApiExport.RequestedPath(args);
var builder = WebApplication.CreateBuilder(args);
if (exportPath is not null)
{
    builder.UseExportConfiguration();
}

builder.AddLinkageApi();

var app = builder.Build();
if (exportPath is not null)
{
    app.UseLinkagePipeline();
    await OpenApiExport.WriteAsync(app, exportPath);
    return;
}

if (ContainerCommands.IsMigrate(args))
{
    Environment.ExitCode = await ContainerCommands.MigrateAsync(app);
    await app.DisposeAsync(); // flushes the log
    return;
}

await app.InitializeDatabaseAsync();
app.UseLinkagePipeline();
await app.RunAsync();

/// <summary>Entry point; public so integration tests can host it with WebApplicationFactory.</summary>
public partial class Program;
