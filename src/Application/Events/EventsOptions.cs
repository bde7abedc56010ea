namespace Linkage.Application.Events;

/// <summary>Settings of the change feed (<c>Events:*</c>).</summary>
public sealed record EventsOptions
{
    /// <summary>How long events are kept; a cursor older than that answers 410 <c>CursorExpired</c>.</summary>
    public TimeSpan Retention { get; init; } = TimeSpan.FromDays(90);

    /// <summary>How often each replica reads the heads of the feeds its open streams follow.</summary>
    public TimeSpan PollInterval { get; init; } = TimeSpan.FromMilliseconds(250);

    /// <summary>How long a stream may stay silent before it sends a <c>: keep-alive</c> comment (API.md 7.2: at most 15 s).</summary>
    public TimeSpan KeepAliveInterval { get; init; } = TimeSpan.FromSeconds(15);

    /// <summary>How often a replica looks for events past their retention.</summary>
    public TimeSpan CleanupInterval { get; init; } = TimeSpan.FromMinutes(10);
}
