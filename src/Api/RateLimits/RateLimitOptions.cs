namespace Linkage.Api.RateLimits;

/// <summary>Configuration section <c>RateLimits</c> (API.md 9).</summary>
public sealed class RateLimitOptions
{
    public const string Section = "RateLimits";

    /// <summary>The window every count runs over: API.md 9 counts requests a minute.</summary>
    public static readonly TimeSpan Window = TimeSpan.FromMinutes(1);

    /// <summary>Requests each actor of a tenant may make to <c>/api</c> routes in a window; 0 turns limiting off.</summary>
    public int PerActorPerMinute { get; set; } = 600;
}
