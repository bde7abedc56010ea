using Linkage.Api.Operations.OpenApi;
using Linkage.Application.Common.Idempotency;
using Linkage.Application.Patching.ApplyPatch;
using Linkage.Application.Resources.CreateResource;
using Linkage.Application.Resources.DeleteResource;
using Linkage.Application.Resources.GetResource;
using Linkage.Application.Resources.ListResources;
using Linkage.Application.Timeline.ListActions;

namespace Linkage.Api.Http;

/// <summary>
/// The HTTP side of a record served by the generic use cases (API.md 2.1, 2.3, 4): create, read with
/// <c>$select</c>, list with <c>?q=</c>, JSON Patch or Merge Patch, delete, and its timeline. A derived controller
/// gives the route and the subject type of the record's timeline; <see cref="ResourceActionNames"/> names its actions after it
/// (<c>GetResource</c> of <c>ContactsController</c> is <c>GetContact</c>).
/// </summary>
public abstract class ResourceController<TAggregate, TView, TCreate>(string subjectType) : LinkageControllerBase
    where TAggregate : AggregateRoot, ISoftDeletable
    where TView : ResourceView, IResourceView<TAggregate, TView>, ISearchableView<TAggregate>
    where TCreate : IdempotentCreate<TCreate>, ICreateResource<TAggregate, TView>
{
    [HttpPost]
    [Consumes("application/json")]
    [ProducesResponseType(StatusCodes.Status201Created)]
    public async Task<ActionResult<TView>> CreateResource([FromBody] TCreate body, CancellationToken cancellationToken)
    {
        var view = await Mediator.Send(body.WithIdempotencyKey(Request.IdempotencyKey()), cancellationToken);
        return CreatedWithETag($"{Request.Path.Value!.TrimEnd('/')}/{view.Id}", view, view.Version);
    }

    [HttpGet("{id:guid}")]
    [ProducesResponseType(StatusCodes.Status200OK)]
    [ProducesResponseType(StatusCodes.Status304NotModified)]
    public async Task<ActionResult<TView>> GetResource(Guid id, [FromQuery(Name = "$select")] string? select, CancellationToken cancellationToken)
    {
        var selection = FieldSelection.Parse(select);
        var view = await Mediator.Send(new GetResource<TAggregate, TView>(id, selection), cancellationToken);
        return OkWithETag(selection.Shape(view, HttpContext), view.Version);
    }

    /// <param name="q">Matches, in any case, a prefix of a name (a contact's first, last or full name; a company's name) or a whole email value.</param>
    [HttpGet]
    public Task<Page<TView>> ListResources(
        [FromQuery] string? q,
        [FromQuery] int limit = PageRequest.DefaultLimit,
        [FromQuery] string? cursor = null,
        CancellationToken cancellationToken = default) =>
        Mediator.Send(new ListResources<TAggregate, TView>(q, new PageRequest(limit, cursor)), cancellationToken);

    /// <summary>Applies a JSON Patch or a Merge Patch (API.md 4); If-Match or If-Unmodified-Since is required.</summary>
    [HttpPatch("{id:guid}")]
    [Consumes(PatchBody.JsonPatch, PatchBody.MergePatch, PatchBody.Json)]
    [AcceptsIfUnmodifiedSince]
    public async Task<ActionResult<TView>> PatchResource(Guid id, [FromQuery(Name = "$select")] string? select, CancellationToken cancellationToken)
    {
        var (format, patch) = await Request.ReadPatchAsync(cancellationToken);
        var selection = FieldSelection.Parse(select);
        var view = await Mediator.Send(
            new ApplyPatch<TAggregate, TView>(id, format, patch, Request.Precondition(), selection), cancellationToken);
        return Changed(selection.Shape(view, HttpContext), view.Version);
    }

    [HttpDelete("{id:guid}")]
    [ProducesResponseType(StatusCodes.Status204NoContent)]
    public async Task<IActionResult> DeleteResource(Guid id, CancellationToken cancellationToken)
    {
        await Mediator.Send(new DeleteResource<TAggregate, TView>(id, Request.Precondition()), cancellationToken);
        return NoContent();
    }

    /// <summary>The record's timeline, newest first (API.md 2.3).</summary>
    /// <param name="kind">Only actions whose kind starts with this (e.g. <c>note</c> or <c>link.updated</c>).</param>
    [HttpGet("{id:guid}/actions")]
    public Task<Page<ActionView>> ListResourceActions(
        Guid id,
        [FromQuery] string? kind,
        [FromQuery] int limit = PageRequest.DefaultLimit,
        [FromQuery] string? cursor = null,
        CancellationToken cancellationToken = default) =>
        Mediator.Send(new ListActions(new TimelineSubject(subjectType, id), kind, new PageRequest(limit, cursor)), cancellationToken);
}
