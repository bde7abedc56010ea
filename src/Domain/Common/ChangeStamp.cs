namespace Linkage.Domain.Common;

/// <summary>Who made a change, when, and through which channel (API.md 1.7).</summary>
public sealed record ChangeStamp(DateTimeOffset At, string ActorId, string Origin)
{
    /// <summary>The time in UTC at the microsecond precision PostgreSQL stores, so a response and a later read agree.</summary>
    public DateTime Utc => new(At.UtcDateTime.Ticks - (At.UtcDateTime.Ticks % 10), DateTimeKind.Utc);
}
