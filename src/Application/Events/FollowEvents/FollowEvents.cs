using System.Runtime.CompilerServices;

namespace Linkage.Application.Events.FollowEvents;

/// <summary>
/// The live stream of the caller's tenant's change feed (API.md 7.2): the events after <see cref="After"/> (the
/// <c>Last-Event-ID</c> a client resumes with, or <c>?after=</c>; none or <c>now</c>: only new events), then each new
/// one as it commits, filtered as <see cref="ListEvents.ListEvents"/> filters.
/// </summary>
public sealed record FollowEvents(string? After, string? Types) : IQuery<EventStream>, IAuthorizedRequest
{
    RequiredRights IAuthorizedRequest.Rights => RequiredRights.AnyCaller;
}

/// <summary>What a stream sends: an event, or (<see cref="Event"/> null) a keep-alive after a silence.</summary>
public sealed record StreamMessage(EventView? Event)
{
    public static StreamMessage KeepAlive { get; } = new((EventView?)null);
}

/// <summary>
/// A stream whose start was checked (the cursor is valid and kept) before the first byte is sent, so a bad or expired
/// cursor is still an ordinary 400 or 410.
/// </summary>
public sealed class EventStream(IAsyncEnumerable<StreamMessage> messages)
{
    public IAsyncEnumerable<StreamMessage> Messages { get; } = messages;
}

public sealed class FollowEventsHandler(IEventFeed feed, IEventHeads heads, ICurrentUser user, EventsOptions options)
    : IRequestHandler<FollowEvents, EventStream>
{
    /// <summary>How many events a stream reads from the database at a time while it catches up.</summary>
    private const int CatchUpPage = 200;

    public async Task<EventStream> Handle(FollowEvents request, CancellationToken cancellationToken)
    {
        var tenant = user.TenantId;
        var filter = EventFilter.For(user, request.Types);
        var first = request.After is null or EventCursor.Now
            ? new FeedRead([], await feed.HeadAsync(tenant, cancellationToken), default)
            : await feed.ReadAsync(tenant, EventCursor.Parse(request.After, "after"), filter, CatchUpPage, cancellationToken);
        return new EventStream(FollowAsync(tenant, filter, first, CancellationToken.None));
    }

    private async IAsyncEnumerable<StreamMessage> FollowAsync(
        string tenant, EventFilter filter, FeedRead first, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        foreach (var e in first.Events)
        {
            yield return new StreamMessage(e.View);
        }

        var cursor = first.Next;
        using var watch = heads.Watch(tenant);
        while (!cancellationToken.IsCancellationRequested)
        {
            if (watch.RecentAfter(cursor.Position) is var (recent, head))
            {
                // The common case: the shared poller already holds what is new (or knows nothing is); filter it here.
                if (head.Position > cursor.Position)
                {
                    foreach (var e in recent.Where(e => filter.Matches(e.View.Type, e.ReadDomains)))
                    {
                        yield return new StreamMessage(e.View);
                    }

                    cursor = head;
                    continue;
                }
            }
            else
            {
                var caughtUp = await CatchUpAsync(tenant, filter, cursor, cancellationToken);
                foreach (var e in caughtUp.Events)
                {
                    yield return new StreamMessage(e.View);
                }

                if (caughtUp.Next.Position > cursor.Position)
                {
                    cursor = caughtUp.Next;
                    continue;
                }
            }

            bool moved;
            try
            {
                moved = await watch.WaitBeyondAsync(cursor.Position, options.KeepAliveInterval, cancellationToken);
            }
            catch (OperationCanceledException)
            {
                yield break;
            }

            if (!moved)
            {
                yield return StreamMessage.KeepAlive;
            }
        }
    }

    /// <summary>Behind the poller's memory (a stream that resumed from long ago, or a burst): read the feed itself.</summary>
    private async Task<FeedRead> CatchUpAsync(string tenant, EventFilter filter, EventCursor cursor, CancellationToken cancellationToken)
    {
        try
        {
            return await feed.ReadAsync(tenant, cursor, filter, CatchUpPage, cancellationToken);
        }
        catch (OperationCanceledException)
        {
            return new FeedRead([], cursor, cursor);
        }
    }
}
