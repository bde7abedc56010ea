using Linkage.Application.Common.Idempotency;

namespace Linkage.Api.Http;

/// <summary>
/// What every controller shares: the mediator, and turning results into HTTP with ETag,
/// Location, If-None-Match and the idempotent-replay header. No business rule lives here.
/// </summary>
[ApiController]
[Produces("application/json")]
public abstract class LinkageControllerBase : ControllerBase
{
    protected IMediator Mediator => HttpContext.RequestServices.GetRequiredService<IMediator>();

    /// <summary>200 with the resource and its ETag, or 304 when If-None-Match names that ETag.</summary>
    protected ActionResult OkWithETag(object body, int version)
    {
        Response.Headers.ETag = EntityTagCondition.Format(version);
        return Request.IsNotModified(version) ? StatusCode(StatusCodes.Status304NotModified) : Ok(body);
    }

    /// <summary>200 with a changed resource and its new ETag.</summary>
    protected ActionResult Changed(object body, int version)
    {
        Response.Headers.ETag = EntityTagCondition.Format(version);
        return Ok(body);
    }

    /// <summary>201 with Location and ETag; a replayed answer says so (<c>Idempotent-Replayed: true</c>, API.md 1.5).</summary>
    protected ActionResult CreatedWithETag<T>(string location, IdempotentResult<T> answer, int version)
        where T : notnull
    {
        MarkReplayed(answer);
        Response.Headers.ETag = EntityTagCondition.Format(version);
        return Created(location, answer.Value);
    }

    /// <summary>200 with what an idempotent command found (an upsert's link) and its ETag; a replayed answer says so.</summary>
    protected ActionResult FoundWithETag<T>(IdempotentResult<T> answer, int version)
        where T : notnull
    {
        MarkReplayed(answer);
        return Changed(answer.Value, version);
    }

    /// <summary>202 with what an idempotent request started (a ping's delivery); a replayed answer says so.</summary>
    protected ActionResult AcceptedReplayable<T>(IdempotentResult<T> answer)
        where T : notnull
    {
        MarkReplayed(answer);
        return Accepted(answer.Value);
    }

    private void MarkReplayed<T>(IdempotentResult<T> answer)
    {
        if (answer.Replayed)
        {
            Response.Headers[LinkageHeaders.IdempotentReplayed] = "true";
        }
    }
}
