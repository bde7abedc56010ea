using Linkage.Api;

var builder = WebApplication.CreateBuilder(args);
builder.AddLinkageApi();

var app = builder.Build();
await app.InitializeDatabaseAsync();
app.UseLinkagePipeline();
await app.RunAsync();

/// <summary>Entry point; public so integration tests can host it with WebApplicationFactory.</summary>
public partial class Program;
