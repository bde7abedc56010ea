using Linkage.Application.Common.Idempotency;
using Linkage.Application.Timeline.ListActions;

namespace Linkage.Api.Http;

/// <summary>
/// The HTTP side of a resource served by the generic use cases: create, read (with <c>$select</c>), delete, and its timeline
/// (API.md 2.1, 2.3, 5.1). A derived controller gives the route, the resource's timeline subject and the named use case each
/// action sends (<c>GetFile</c>, <c>DeleteFile</c>); <see cref="ResourceActionNames"/> names its actions after it
/// (<c>GetResource</c> of <c>FilesController</c> is <c>GetFile</c>).
/// </summary>
public abstract class ResourceController<TView, TCreate>(
    Func<Guid, TimelineSubject> subject,
    Func<Guid, FieldSelection, IRequest<TView>> get,
    Func<Guid, Precondition, IRequest<Unit>> delete)
    : LinkageControllerBase
    where TView : ResourceView
    where TCreate : IdempotentCreate<TCreate>, IIdempotentCommand<TView>
{
    [HttpPost]
    [Consumes("application/json")]
    [ProducesResponseType(StatusCodes.Status201Created)]
    public async Task<ActionResult<TView>> CreateResource([FromBody] TCreate body, CancellationToken cancellationToken)
    {
        var answer = await Mediator.Send(body.WithIdempotencyKey(Request.IdempotencyKey()), cancellationToken);
        return CreatedWithETag($"{Request.Path.Value!.TrimEnd('/')}/{answer.Value.Id}", answer, answer.Value.Version);
    }

    [HttpGet("{id:guid}")]
    [ProducesResponseType(StatusCodes.Status200OK)]
    [ProducesResponseType(StatusCodes.Status304NotModified)]
    public async Task<ActionResult<TView>> GetResource(Guid id, [FromQuery(Name = "$select")] string? select, CancellationToken cancellationToken)
    {
        var selection = FieldSelection.Parse(select);
        var view = await Mediator.Send(get(id, selection), cancellationToken);
        return OkWithETag(selection.Shape(view, HttpContext), view.Version);
    }

    [HttpDelete("{id:guid}")]
    [ProducesResponseType(StatusCodes.Status204NoContent)]
    public async Task<IActionResult> DeleteResource(Guid id, CancellationToken cancellationToken)
    {
        await Mediator.Send(delete(id, Request.Precondition()), cancellationToken);
        return NoContent();
    }

    /// <summary>The record's timeline, newest first (API.md 2.3).</summary>
    /// <param name="id">The id of the record whose timeline is read.</param>
    /// <param name="kind">Only actions whose kind starts with this (e.g. <c>note</c> or <c>link.updated</c>).</param>
    /// <param name="limit">Items per page.</param>
    /// <param name="cursor">The nextCursor of the previous page.</param>
    /// <param name="cancellationToken">Ends the work when the caller goes away.</param>
    [HttpGet("{id:guid}/actions")]
    public Task<Page<ActionView>> ListResourceActions(
        Guid id,
        [FromQuery] string? kind,
        [FromQuery] int limit = PageRequest.DefaultLimit,
        [FromQuery] string? cursor = null,
        CancellationToken cancellationToken = default) =>
        Mediator.Send(new ListActions(subject(id), kind, new PageRequest(limit, cursor)), cancellationToken);
}
