using System.Net.Http.Headers;
using Linkage.Api.Tests.Support;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Linkage.Api.Tests.RateLimits;

/// <summary>APIs of this class with their own rate limit (and Redis), and reading what an answer says of the limit.</summary>
public abstract class RateLimitTestBase : ApiTestBase
{
    /// <summary>An API like the class's own, with <paramref name="perMinute"/> requests a minute per actor and, if given, Redis.</summary>
    protected WebApplicationFactory<Program> Replica(int perMinute, string? redis = null) =>
        Factory.WithWebHostBuilder(b =>
        {
            b.UseSetting("RateLimits:PerActorPerMinute", perMinute.ToString(System.Globalization.CultureInfo.InvariantCulture));
            if (redis is not null)
            {
                b.UseSetting("ConnectionStrings:Redis", redis);
            }
        });

    protected static HttpClient ClientOf(WebApplicationFactory<Program> api, string actor, string tenant = TenantA)
    {
        var client = api.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", TestTokens.For(tenant, actor, "*:*"));
        return client;
    }

    /// <summary>The <c>RateLimit</c> header's parameters (limit, remaining, reset), or null without the header.</summary>
    protected static Dictionary<string, int>? RateLimitOf(HttpResponseMessage response)
    {
        if (!response.Headers.TryGetValues("RateLimit", out var values))
        {
            return null;
        }

        return values.Single().Split(',', StringSplitOptions.TrimEntries)
            .Select(p => p.Split('='))
            .ToDictionary(p => p[0], p => int.Parse(p[1], System.Globalization.CultureInfo.InvariantCulture));
    }

    protected static string? PolicyOf(HttpResponseMessage response) =>
        response.Headers.TryGetValues("RateLimit-Policy", out var values) ? values.Single() : null;
}
