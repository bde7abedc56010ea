namespace Linkage.Application.Events.ListEvents;

/// <summary>
/// A page of the caller's tenant's change feed (API.md 7.1): the events after <see cref="After"/> (a cursor, or
/// <c>now</c>; none: from the oldest kept event) of the kinds in <see cref="Types"/> whose resources the caller may read.
/// </summary>
public sealed record ListEvents(string? After, string? Types, int Limit = ListEvents.DefaultLimit) : IQuery<EventPage>, IAuthorizedRequest
{
    public const int DefaultLimit = 100;
    public const int MaxLimit = 1000;

    /// <summary>Any caller may read the feed; each event is filtered by the caller's rights instead.</summary>
    RequiredRights IAuthorizedRequest.Rights => RequiredRights.AnyCaller;
}

public sealed class ListEventsHandler(IEventFeed feed, ICurrentUser user) : IRequestHandler<ListEvents, EventPage>
{
    public async Task<EventPage> Handle(ListEvents request, CancellationToken cancellationToken)
    {
        if (request.After == EventCursor.Now)
        {
            return new EventPage([], (await feed.HeadAsync(user.TenantId, cancellationToken)).ToString());
        }

        var after = request.After is null ? (EventCursor?)null : EventCursor.Parse(request.After, "after");
        var read = await feed.ReadAsync(user.TenantId, after, EventFilter.For(user, request.Types), request.Limit, cancellationToken);
        return new EventPage(read.Events.Select(e => e.View).ToList(), read.Next.ToString());
    }
}
