namespace Linkage.Api.RateLimits;

/// <summary>
/// One request counted in its caller's window: the limit, the requests counted in the window so far (this one
/// included, refused ones too), how long until the window ends, and whether the count is shared by the replicas
/// (Redis) or this replica's alone.
/// </summary>
public readonly record struct RateCount(int Limit, long Count, TimeSpan ResetAfter, bool Shared)
{
    public bool Allowed => Count <= Limit;

    public long Remaining => Math.Max(0, Limit - Count);

    /// <summary>Whole seconds until the window ends, at least 1: what Retry-After and the <c>reset</c> parameter say.</summary>
    public int ResetSeconds => Math.Max(1, (int)Math.Ceiling(ResetAfter.TotalSeconds));
}

/// <summary>Counts requests per caller in fixed windows.</summary>
public interface IRequestCounter
{
    /// <summary>Counts one request of the caller <paramref name="key"/> and tells where its window stands.</summary>
    ValueTask<RateCount> CountAsync(string key, int limit, CancellationToken cancellationToken);
}
