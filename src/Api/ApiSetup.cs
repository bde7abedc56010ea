using Linkage.Api.Auth;
using Linkage.Api.Controllers;
using Linkage.Api.Operations;
using Linkage.Api.Problems;
using Linkage.Api.RateLimits;
using Linkage.Application;
using Linkage.Application.Common.Changes;
using Linkage.Infrastructure;
using Linkage.Infrastructure.Persistence;

namespace Linkage.Api;

/// <summary>The composition root: services in dependency order, then the HTTP pipeline.</summary>
public static class ApiSetup
{
    public static void AddLinkageApi(this WebApplicationBuilder builder)
    {
        builder.UseLinkageLogging();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Limits.MaxRequestBodySize = RequestBodyLimit.MaxBytes);
        builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(30));

        var services = builder.Services;
        services.AddLinkageApplication();
        services.AddLinkageInfrastructure(builder.Configuration);
        services.AddLinkageAuthentication(builder.Configuration);
        services.AddScoped<IChangeOrigin, HttpChangeOrigin>();
        services.AddLinkageProblems();
        services.AddControllers(o =>
            {
                o.Filters.Add<ProblemExceptionFilter>();
                o.Conventions.Add(new ResourceActionNames());
            }).AddJsonOptions(o => JsonSetup.Configure(o.JsonSerializerOptions));
        services.AddLinkageOpenApi();
        services.AddLinkageCors();
        services.AddLinkageRateLimits(builder.Configuration);
    }

    /// <summary>Applies pending migrations when <c>Database:MigrateOnStartup</c> is on (default on in Development).</summary>
    public static async Task InitializeDatabaseAsync(this WebApplication app)
    {
        if (!app.Configuration.GetValue("Database:MigrateOnStartup", app.Environment.IsDevelopment()))
        {
            return;
        }

        await using var scope = app.Services.CreateAsyncScope();
        await DatabaseState.MigrateAsync(scope.ServiceProvider.GetRequiredService<LinkageDbContext>());
    }

    public static void UseLinkagePipeline(this WebApplication app)
    {
        // Every resource description is checked before anything is served: one that disagrees with its view or input
        // stops the start, naming the problem, instead of failing a request (ADR 25).
        app.Services.GetRequiredService<ResourceCatalog>();

        // Outside the exception handler: the request's line reports the status its client got (a 503 or a 4xx problem
        // made from an exception), not the 500 of an exception still on its way out.
        app.UseLinkageRequestLogging();
        app.UseMiddleware<ApiResponseHeaders>();
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        // Before anything that can answer on its own (413, 401, problems), so every answer carries the CORS headers
        // and a preflight is answered without a token.
        app.UseCors();
        // Every /api request counts, and every answer carries the rate limit's headers, a 413 refused up front too.
        app.UseAuthentication();
        app.UseLinkageRateLimits();
        app.UseMiddleware<RequestBodyLimit>();
        app.UseLinkageOpenApi();
        app.UseAuthorization();
        app.UseMiddleware<RequestTransport>();
        app.MapLinkageHealth();
        app.MapControllers().RequireAuthorization();
    }
}
