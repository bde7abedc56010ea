using Linkage.Application.Events;
using Linkage.Application.Events.FollowEvents;
using Linkage.Application.Events.ListEvents;

namespace Linkage.Api.Controllers;

/// <summary>The change feed (API.md 7): every change of the caller's tenant, in commit order, by cursor and live.</summary>
[Route("api/v1/events")]
public sealed class EventsController : LinkageControllerBase
{
    /// <summary>
    /// A page of events after a cursor (<c>after</c>: a cursor, or <c>now</c>; none: from the oldest kept event),
    /// of the kinds in <c>types</c> whose resources the caller may read. <c>nextCursor</c> is never null.
    /// </summary>
    [HttpGet]
    public Task<EventPage> ListEvents(
        [FromQuery] string? after = null,
        [FromQuery] string? types = null,
        [FromQuery] int limit = Application.Events.ListEvents.ListEvents.DefaultLimit,
        CancellationToken cancellationToken = default) =>
        Mediator.Send(new ListEvents(after, types, limit), cancellationToken);

    /// <summary>
    /// Server-Sent Events: each event as <c>id: cursor</c>, <c>event: type</c>, <c>data: event</c>, after
    /// <c>Last-Event-ID</c> or <c>after</c> (none: only new events), with a <c>: keep-alive</c> comment after a silence.
    /// </summary>
    [HttpGet("stream")]
    [Produces(EventStreamResponse.ContentType)]
    public async Task StreamEvents(
        [FromQuery] string? after = null,
        [FromQuery] string? types = null,
        [FromHeader(Name = EventStreamResponse.LastEventIdHeader)] string? lastEventId = null,
        CancellationToken cancellationToken = default)
    {
        var stream = await Mediator.Send(new FollowEvents(string.IsNullOrEmpty(lastEventId) ? after : lastEventId, types), cancellationToken);
        await EventStreamResponse.WriteAsync(HttpContext, stream, cancellationToken);
    }
}
