namespace Linkage.Infrastructure.Idempotency;

/// <summary>Configuration section <c>Idempotency</c>.</summary>
public sealed class IdempotencyOptions
{
    /// <summary>How long a key and its stored response are kept (API.md 1.5: 24 h).</summary>
    public TimeSpan Retention { get; set; } = TimeSpan.FromHours(24);

    /// <summary>How long a request waits for another in-flight request with the same key before answering 409.</summary>
    public TimeSpan InFlightWait { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>How often expired keys are removed.</summary>
    public TimeSpan CleanupInterval { get; set; } = TimeSpan.FromMinutes(15);
}
