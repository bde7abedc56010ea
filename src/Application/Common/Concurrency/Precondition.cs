namespace Linkage.Application.Common.Concurrency;

/// <summary>
/// What the caller believes the resource's state is: an <c>If-Match</c> condition and/or an
/// <c>If-Unmodified-Since</c> date. If-Match wins when both are sent (RFC 9110 13.2.2).
/// </summary>
public sealed record Precondition(EntityTagCondition? IfMatch, DateTimeOffset? IfUnmodifiedSince)
{
    public static Precondition FromVersion(int version) => new(new EntityTagCondition(false, [version]), null);

    /// <summary>Whether a condition the command accepts was sent.</summary>
    public bool IsPresent(bool acceptsIfUnmodifiedSince) =>
        IfMatch is not null || (acceptsIfUnmodifiedSince && IfUnmodifiedSince is not null);

    public bool IsSatisfiedBy(int version, DateTime updatedUtc)
    {
        if (IfMatch is not null)
        {
            return IfMatch.Matches(version);
        }

        if (IfUnmodifiedSince is { } since)
        {
            // HTTP dates have whole seconds: compare at that precision.
            var updatedSeconds = DateTime.SpecifyKind(updatedUtc, DateTimeKind.Utc).Ticks / TimeSpan.TicksPerSecond;
            return updatedSeconds <= since.UtcTicks / TimeSpan.TicksPerSecond;
        }

        return true;
    }
}
