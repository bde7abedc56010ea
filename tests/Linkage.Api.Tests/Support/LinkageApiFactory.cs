using Linkage.Api.Tests.Fixtures;
using Linkage.Application.Common.Security;
using Linkage.Infrastructure.Persistence;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Linkage.Api.Tests.Support;

/// <summary>
/// The real API in-process over a real PostgreSQL database: a fresh clone of the migrated template
/// for each test class, so classes never see each other's rows.
/// </summary>
public sealed class LinkageApiFactory(string connectionString) : WebApplicationFactory<Program>
{
    public const string TemplateKey = "linkage";

    /// <summary>The suite's rate limit: far above what any test sends in a minute.</summary>
    public const string UnlimitedRequestsPerMinute = "1000000";

    public string ConnectionString { get; } = connectionString;

    public TestClock Clock { get; } = new();

    /// <summary>The SQL the API sends while a recording is open (<see cref="SqlCommandRecorder.Record"/>).</summary>
    public SqlCommandRecorder Sql { get; } = new();

    /// <summary>Everything the API logged, from Debug up when <see cref="CreateAsync"/> was asked for it.</summary>
    public LogCapture Logs { get; } = new();

    /// <summary>Serilog's minimum level for this API: Warning keeps test output quiet; a test searching the logs wants Debug.</summary>
    public string LogLevel { get; init; } = "Warning";

    /// <summary>Settings of a test class's own, applied after the suite's.</summary>
    public IReadOnlyDictionary<string, string> Settings { get; init; } = new Dictionary<string, string>();

    public static async Task<LinkageApiFactory> CreateAsync(string logLevel = "Warning", IReadOnlyDictionary<string, string>? settings = null)
    {
        var connectionString = await PostgresServer.Instance.CreateDatabaseAsync(TemplateKey, MigrateAsync);
        return new LinkageApiFactory(connectionString) { LogLevel = logLevel, Settings = settings ?? new Dictionary<string, string>() };
    }

    /// <summary>A DbContext on the test database that sees every tenant's rows, for asserting what was stored.</summary>
    public LinkageDbContext OpenDb(string tenant)
    {
        var options = new DbContextOptionsBuilder<LinkageDbContext>().UseNpgsql(ConnectionString).Options;
        return LinkageDbContext.ForCaller(options, new FixedUser(tenant));
    }

    /// <summary>This API with the test assembly's controllers too: test-only endpoints that probe the conventions.</summary>
    public WebApplicationFactory<Program> WithTestControllers() =>
        WithWebHostBuilder(builder => builder.ConfigureTestServices(services =>
            services.AddControllers().AddApplicationPart(typeof(LinkageApiFactory).Assembly)));

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        await PostgresServer.Instance.DropDatabaseAsync(ConnectionString);
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("ConnectionStrings:Linkage", ConnectionString);
        builder.UseSetting("Auth:SigningKey", TestTokens.SigningKey);
        builder.UseSetting("Database:MigrateOnStartup", "false");
        // Behind the run's PgBouncer (LINKAGE_TEST_PGBOUNCER=1) the API prepares no statements (ADR 0022).
        builder.UseSetting(ConnectionSettings.TransactionPoolingKey, PostgresServer.Instance.TransactionPooling ? "true" : "false");
        // The limiter runs on every request of the suite (its headers are on every answer) but never refuses one;
        // the rate-limit tests set their own limit.
        builder.UseSetting("RateLimits:PerActorPerMinute", UnlimitedRequestsPerMinute);
        builder.UseSetting("Serilog:MinimumLevel:Default", LogLevel);
        // The webhook worker reads across tenants every second; only the classes that test deliveries run it.
        builder.UseSetting("Webhooks:DeliverInThisProcess", "false");
        foreach (var (key, value) in Settings)
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureTestServices(services =>
        {
            services.RemoveAll<TimeProvider>();
            services.AddSingleton<TimeProvider>(Clock);
            services.AddSingleton<IInterceptor>(Sql);
            services.AddSingleton<IInterceptor>(TenantFilterAudit.Instance);
            services.AddSingleton<Serilog.Core.ILogEventSink>(Logs);
        });
    }

    private static async Task MigrateAsync(string connectionString)
    {
        await using var db = LinkageDbContext.ForCaller(
            new DbContextOptionsBuilder<LinkageDbContext>().UseNpgsql(connectionString).Options, new FixedUser(string.Empty));
        await db.Database.MigrateAsync();
    }

    private sealed class FixedUser(string tenant) : ICurrentUser
    {
        public string ActorId => "test-inspector";

        public string TenantId => tenant;

        public IReadOnlyCollection<Permission> Permissions => [];
    }
}
