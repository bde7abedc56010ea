namespace Linkage.Application.Events;

/// <summary>
/// An event as the feed stores it: its view, and the domains of which the reader needs one's <c>Read</c> (lower case, as its
/// resource's description says; null: any caller of the tenant).
/// </summary>
public sealed record FeedEvent(EventView View, long Position, IReadOnlyList<string>? ReadDomains);

/// <summary>
/// What one read of the feed found: the events after the cursor that pass the filter, the cursor to read from next
/// (never past an event the filter would pass that is not in <see cref="Events"/>), and the head of the feed as the
/// same snapshot saw it.
/// </summary>
public sealed record FeedRead(IReadOnlyList<FeedEvent> Events, EventCursor Next, EventCursor Head);

/// <summary>
/// The change feed of one tenant, in commit order (ADR 0028). The HTTP endpoints read it, and so can anything inside
/// the API that follows the feed (a webhook delivery worker): a reader keeps a cursor and calls <see cref="ReadAsync"/>
/// with it forever.
/// </summary>
public interface IEventFeed
{
    /// <summary>
    /// Up to <paramref name="limit"/> events after <paramref name="after"/> (null: from the oldest kept event) that
    /// pass <paramref name="filter"/>. A read looks at a bounded span of positions, so it may return fewer events than
    /// asked and a cursor that moved anyway; an empty read whose cursor equals the head means the reader is up to date.
    /// </summary>
    /// <exception cref="CursorExpiredException">Events after the cursor were removed by retention.</exception>
    /// <exception cref="ValidationFailedException">The cursor lies beyond the feed's head (it is not this tenant's).</exception>
    Task<FeedRead> ReadAsync(string tenantId, EventCursor? after, EventFilter filter, int limit, CancellationToken cancellationToken);

    /// <summary>The cursor after the tenant's last committed event.</summary>
    Task<EventCursor> HeadAsync(string tenantId, CancellationToken cancellationToken);
}

/// <summary>
/// The heads of the feeds this replica's open streams follow, polled once per replica and shared by all its streams,
/// with the newest events of each kept in memory so that a hundred streams of one tenant cost one read per change.
/// </summary>
public interface IEventHeads
{
    /// <summary>Starts following a tenant's head until the watch is disposed.</summary>
    IEventWatch Watch(string tenantId);
}

/// <summary>One stream's view of its tenant's head.</summary>
public interface IEventWatch : IDisposable
{
    /// <summary>Completes with true once the head is past <paramref name="position"/>, false when <paramref name="timeout"/> passed first.</summary>
    Task<bool> WaitBeyondAsync(long position, TimeSpan timeout, CancellationToken cancellationToken);

    /// <summary>
    /// The events after <paramref name="position"/> up to the head the poller saw (unfiltered, in order) and that head,
    /// when the events in memory reach back to <paramref name="position"/>; null when they do not (read the feed).
    /// </summary>
    (IReadOnlyList<FeedEvent> Events, EventCursor Head)? RecentAfter(long position);
}
