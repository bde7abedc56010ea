using System.Globalization;
using System.Threading.RateLimiting;
using Linkage.Api.Auth;
using Microsoft.Extensions.Options;

namespace Linkage.Api.RateLimits;

/// <summary>
/// ASP.NET Core's global rate limiter for Linkage (API.md 9): every request to an <c>/api</c> route counts once, when
/// it starts, in its caller's window: an actor of a tenant (<c>tid</c> and <c>sub</c>), or, without a valid token, the
/// client's address. Health, OpenAPI and Swagger are not limited. The answer carries <c>RateLimit-Policy</c> and
/// <c>RateLimit</c>; over the limit the middleware calls <see cref="RateLimitSetup"/>'s 429. An event stream is one
/// request: it counts once, when it opens, however long it stays open (nothing to do for a streaming endpoint).
/// </summary>
public sealed class ActorRateLimiter(IOptions<RateLimitOptions> options, IRequestCounter counter) : PartitionedRateLimiter<HttpContext>
{
    public const string PolicyHeader = "RateLimit-Policy";
    public const string StateHeader = "RateLimit";

    private static readonly RateLimitLease Unlimited = new Lease(acquired: true, retryAfter: null);

    // Counting may wait on Redis, which AttemptAcquire cannot: refusing the attempt makes the middleware call AcquireAsync.
    private static readonly RateLimitLease CountAsynchronously = new Lease(acquired: false, retryAfter: null);

    private readonly int _limit = options.Value.PerActorPerMinute;

    /// <summary>Whether a request counts: the <c>/api</c> routes, not health, OpenAPI or Swagger.</summary>
    public static bool Applies(HttpContext context) => context.Request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase);

    /// <summary>The caller a request counts for: the tenant's length first, so no two (tenant, actor) pairs share a key.</summary>
    public static string CallerOf(HttpContext context)
    {
        var user = context.User;
        var tenant = user.Identity?.IsAuthenticated == true ? user.FindFirst(LinkageClaims.Tenant)?.Value : null;
        var actor = tenant is null ? null : user.FindFirst(LinkageClaims.Actor)?.Value;
        return tenant is not null && actor is not null
            ? string.Create(CultureInfo.InvariantCulture, $"actor:{tenant.Length}:{tenant}:{actor}")
            : "anonymous:" + (context.Connection.RemoteIpAddress?.ToString() ?? "unknown");
    }

    public override RateLimiterStatistics? GetStatistics(HttpContext resource) => null;

    protected override RateLimitLease AttemptAcquireCore(HttpContext resource, int permitCount) =>
        Applies(resource) && permitCount > 0 ? CountAsynchronously : Unlimited;

    protected override async ValueTask<RateLimitLease> AcquireAsyncCore(HttpContext resource, int permitCount, CancellationToken cancellationToken)
    {
        if (!Applies(resource) || permitCount == 0)
        {
            return Unlimited;
        }

        var count = await counter.CountAsync(CallerOf(resource), _limit, cancellationToken);
        // On every answer of this request, a 429 or a 500 too: OnStarting survives the exception handler's reset.
        resource.Response.OnStarting(static state =>
        {
            var (response, count) = ((HttpResponse, RateCount))state;
            response.Headers[PolicyHeader] = string.Create(CultureInfo.InvariantCulture, $"{count.Limit};w={(int)RateLimitOptions.Window.TotalSeconds}");
            response.Headers[StateHeader] = string.Create(CultureInfo.InvariantCulture,
                $"limit={count.Limit}, remaining={count.Remaining}, reset={count.ResetSeconds}");
            return Task.CompletedTask;
        }, (resource.Response, count));
        return count.Allowed ? Unlimited : new Lease(acquired: false, TimeSpan.FromSeconds(count.ResetSeconds));
    }

    private sealed class Lease(bool acquired, TimeSpan? retryAfter) : RateLimitLease
    {
        public override bool IsAcquired => acquired;

        public override IEnumerable<string> MetadataNames => retryAfter is null ? [] : [MetadataName.RetryAfter.Name];

        public override bool TryGetMetadata(string metadataName, out object? metadata)
        {
            metadata = retryAfter;
            return retryAfter is not null && metadataName == MetadataName.RetryAfter.Name;
        }
    }
}
