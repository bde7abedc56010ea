using System.Globalization;
using System.Threading.RateLimiting;
using Linkage.Api.Problems;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace Linkage.Api.RateLimits;

/// <summary>
/// Rate limits per actor of a tenant (API.md 9, ADR 0024): ASP.NET Core's rate limiting middleware with
/// <see cref="ActorRateLimiter"/> as its global limiter, counting in Redis when <c>ConnectionStrings:Redis</c> is set and
/// per replica otherwise; over the limit, a 429 <c>RateLimited</c> problem with Retry-After.
/// </summary>
public static class RateLimitSetup
{
    public static IServiceCollection AddLinkageRateLimits(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<RateLimitOptions>(configuration.GetSection(RateLimitOptions.Section));
        services.AddSingleton<LocalRequestCounter>();
        var redis = configuration.GetConnectionString("Redis");
        if (string.IsNullOrWhiteSpace(redis))
        {
            services.AddSingleton<IRequestCounter>(sp => sp.GetRequiredService<LocalRequestCounter>());
        }
        else
        {
            services.AddSingleton<IRequestCounter>(sp => new SharedRequestCounter(
                redis, sp.GetRequiredService<LocalRequestCounter>(), sp.GetRequiredService<TimeProvider>(),
                sp.GetRequiredService<ILogger<SharedRequestCounter>>()));
        }

        services.AddSingleton<ActorRateLimiter>();
        services.AddRateLimiter(_ => { });
        services.AddOptions<RateLimiterOptions>().Configure<IOptions<RateLimitOptions>, IServiceProvider>((options, limits, sp) =>
        {
            options.GlobalLimiter = limits.Value.PerActorPerMinute > 0 ? sp.GetRequiredService<ActorRateLimiter>() : null;
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.OnRejected = RejectAsync;
        });
        return services;
    }

    /// <summary>
    /// After authentication (the limit is per actor), before the body limit and authorization (a 413 refused up front and
    /// a 401 count too, and carry the headers).
    /// </summary>
    public static void UseLinkageRateLimits(this WebApplication app) => app.UseRateLimiter();

    private static async ValueTask RejectAsync(OnRejectedContext context, CancellationToken cancellationToken)
    {
        var seconds = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? (int)retryAfter.TotalSeconds : 1;
        var response = context.HttpContext.Response;
        response.Headers[HeaderNames.RetryAfter] = seconds.ToString(CultureInfo.InvariantCulture);
        await ProblemWriter.WriteAsync(context.HttpContext, ProblemCatalog.RateLimited,
            $"Too many requests: retry after {seconds} s. Each actor may make {context.HttpContext.RequestServices.GetRequiredService<IOptions<RateLimitOptions>>().Value.PerActorPerMinute} requests a minute.");
    }
}
