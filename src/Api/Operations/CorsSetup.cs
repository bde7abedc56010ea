using Linkage.Api.Http;
using Microsoft.AspNetCore.Cors.Infrastructure;
using Microsoft.Net.Http.Headers;

namespace Linkage.Api.Operations;

/// <summary>
/// CORS for browser apps on other origins (issue 15): the origins listed in <c>Cors:AllowedOrigins</c> may call every
/// route with the contract's request headers and read its response headers, problem responses included. No origin is
/// allowed unless configured (appsettings.Development.json lists local dev servers). Tokens travel in
/// <c>Authorization</c>, never in cookies, so credentials are not allowed.
/// </summary>
public static class CorsSetup
{
    public const string Section = "Cors:AllowedOrigins";

    /// <summary>
    /// The request headers of API.md 1.2, 1.4, 1.5, 1.7 and 7.2 that a browser may send (a stream's client resumes with
    /// <c>Last-Event-ID</c> over fetch, which, unlike EventSource's own, a preflight must allow).
    /// </summary>
    public static readonly string[] RequestHeaders =
    [
        HeaderNames.Authorization, HeaderNames.ContentType, HeaderNames.IfMatch, HeaderNames.IfNoneMatch,
        HeaderNames.IfUnmodifiedSince, LinkageHeaders.IdempotencyKey, LinkageHeaders.ChangeOrigin, EventStreamResponse.LastEventIdHeader,
    ];

    /// <summary>
    /// The response headers scripts must read: ETags, a create's Location, replays, back-off, the bearer challenge and
    /// the rate limit's state (API.md 9).
    /// </summary>
    public static readonly string[] ResponseHeaders =
    [
        HeaderNames.ETag, HeaderNames.Location, LinkageHeaders.IdempotentReplayed, HeaderNames.RetryAfter, HeaderNames.WWWAuthenticate,
        RateLimits.ActorRateLimiter.PolicyHeader, RateLimits.ActorRateLimiter.StateHeader,
    ];

    /// <summary>How long a browser may reuse a preflight's answer; Chromium caps it at two hours.</summary>
    public static readonly TimeSpan PreflightMaxAge = TimeSpan.FromHours(2);

    public static IServiceCollection AddLinkageCors(this IServiceCollection services)
    {
        services.AddCors();
        // Read when the policy is first needed, so configuration added by a host (tests, environment) is seen.
        services.AddOptions<CorsOptions>().Configure<IConfiguration>((options, configuration) =>
        {
            var origins = configuration.GetSection(Section).Get<string[]>() ?? [];
            options.AddDefaultPolicy(policy => policy
                .WithOrigins(origins.Select(o => o.TrimEnd('/')).Where(o => o.Length > 0).ToArray())
                .WithMethods(HttpMethods.Get, HttpMethods.Post, HttpMethods.Put, HttpMethods.Patch, HttpMethods.Delete)
                .WithHeaders(RequestHeaders)
                .WithExposedHeaders(ResponseHeaders)
                .SetPreflightMaxAge(PreflightMaxAge));
        });
        return services;
    }
}
