namespace Linkage.Application.Webhooks;

/// <summary>Settings of webhooks (<c>Webhooks:*</c>, API.md 8).</summary>
public sealed record WebhooksOptions
{
    /// <summary>Whether a URL may name (or resolve to) a loopback, private, link-local or unique-local address.</summary>
    public bool AllowPrivateTargets { get; init; }

    /// <summary>Whether <c>http</c> URLs are accepted (development only: a delivery's body and signature then travel in clear).</summary>
    public bool AllowInsecureUrls { get; init; }

    /// <summary>An endpoint whose every delivery failed for this long is disabled.</summary>
    public TimeSpan DisableAfter { get; init; } = TimeSpan.FromDays(5);

    /// <summary>
    /// The pauses before the 2nd, 3rd... attempt (each ± <see cref="Jitter"/>); after the last, the delivery has failed.
    /// Configured as a whole (<c>Webhooks:RetrySchedule:0</c>, <c>:1</c>...); unset: API.md 8's, <see cref="DefaultSchedule"/>.
    /// </summary>
    public TimeSpan[]? RetrySchedule { get; init; }

    public static IReadOnlyList<TimeSpan> DefaultSchedule { get; } =
    [
        TimeSpan.FromSeconds(5), TimeSpan.FromMinutes(5), TimeSpan.FromMinutes(30), TimeSpan.FromHours(2),
        TimeSpan.FromHours(5), TimeSpan.FromHours(10), TimeSpan.FromHours(10),
    ];

    /// <summary>The schedule in force.</summary>
    public IReadOnlyList<TimeSpan> Schedule => RetrySchedule is { Length: > 0 } configured ? configured : DefaultSchedule;

    /// <summary>The share by which each pause of the schedule is made shorter or longer at random (0.2: ± 20 %).</summary>
    public double Jitter { get; init; } = 0.2;

    /// <summary>How long one attempt may take; anything but a 2xx within it is a failure.</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// How long a claimed attempt's lease outlives its <see cref="Timeout"/>: room for recording it, and for replicas whose
    /// clocks disagree (ADR 0030). After a crash the delivery waits this long past the timeout before another replica resends it.
    /// </summary>
    public TimeSpan LeaseMargin { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>How long a rotated-out secret keeps signing beside the new one.</summary>
    public TimeSpan RotationOverlap { get; init; } = TimeSpan.FromHours(24);

    /// <summary>How often each replica's worker looks for new events and due attempts when it found none.</summary>
    public TimeSpan PollInterval { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>At most this many attempts in flight per replica.</summary>
    public int MaxConcurrentAttempts { get; init; } = 32;

    /// <summary>The longest pause a <c>Retry-After</c> may ask for; a longer one is cut to this.</summary>
    public TimeSpan MaxRetryAfter { get; init; } = TimeSpan.FromHours(24);

    /// <summary>
    /// How long a finished delivery (succeeded or failed) stays in the delivery log, counted from its creation; older ones
    /// are removed (ADR 0031). Pending deliveries are never removed.
    /// </summary>
    public TimeSpan DeliveryRetention { get; init; } = TimeSpan.FromDays(30);

    /// <summary>How often a replica looks for deliveries past <see cref="DeliveryRetention"/>.</summary>
    public TimeSpan CleanupInterval { get; init; } = TimeSpan.FromMinutes(10);

    /// <summary>Whether this replica runs the delivery worker (every replica does by default).</summary>
    public bool DeliverInThisProcess { get; init; } = true;
}
