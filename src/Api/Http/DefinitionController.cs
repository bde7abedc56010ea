using Linkage.Application.Common.Idempotency;
using Linkage.Application.Common.Requests;
using Linkage.Domain.Definitions;
using Linkage.Application.Definitions;
using Linkage.Application.Definitions.FindDefinition;
using Linkage.Application.Definitions.ListDefinitions;
using Linkage.Application.Patching.ApplyPatch;
using Linkage.Application.Timeline.ListActions;

namespace Linkage.Api.Http;

/// <summary>
/// The HTTP side of what a tenant defines, by name (API.md 5.1, 5.2): define, list, read, patch (If-Match: add or
/// relabel fields) and its timeline. A derived controller gives the route and the timeline subject type.
/// </summary>
public abstract class DefinitionController<TDefinition, TView, TDefine>(string subjectType) : LinkageControllerBase
    where TDefinition : AggregateRoot, IDefinition
    where TView : ResourceView, IResourceView<TDefinition, TView>, INamedView
    where TDefine : IdempotentCreate<TDefine>, ICommand<TView>
{
    [HttpPost]
    [Consumes("application/json")]
    [ProducesResponseType(StatusCodes.Status201Created)]
    public async Task<ActionResult<TView>> CreateDefinition([FromBody] TDefine body, CancellationToken cancellationToken)
    {
        var view = await Mediator.Send(body.WithIdempotencyKey(Request.IdempotencyKey()), cancellationToken);
        // Names are plain ASCII words (API.md 5.1); escaped anyway, so no name can ever break the header.
        return CreatedWithETag($"{Request.Path.Value!.TrimEnd('/')}/{Uri.EscapeDataString(view.Name)}", view, view.Version);
    }

    [HttpGet]
    public Task<Page<TView>> ListDefinitions(
        [FromQuery] int limit = PageRequest.DefaultLimit,
        [FromQuery] string? cursor = null,
        CancellationToken cancellationToken = default) =>
        Mediator.Send(new ListDefinitions<TDefinition, TView>(new PageRequest(limit, cursor)), cancellationToken);

    [HttpGet("{name}")]
    [ProducesResponseType(StatusCodes.Status200OK)]
    [ProducesResponseType(StatusCodes.Status304NotModified)]
    public async Task<ActionResult<TView>> GetDefinition(string name, CancellationToken cancellationToken)
    {
        var view = await Mediator.Send(new FindDefinition<TDefinition, TView>(name), cancellationToken);
        return OkWithETag(view, view.Version);
    }

    /// <summary>A JSON Patch or a Merge Patch over <c>{label, fields}</c>; removing or retyping a field that has values is 409.</summary>
    [HttpPatch("{name}")]
    [Consumes(PatchBody.JsonPatch, PatchBody.MergePatch, PatchBody.Json)]
    public async Task<ActionResult<TView>> PatchDefinition(string name, CancellationToken cancellationToken)
    {
        var (format, patch) = await Request.ReadPatchAsync(cancellationToken);
        var current = await Mediator.Send(new FindDefinition<TDefinition, TView>(name), cancellationToken);
        var view = await Mediator.Send(
            new ApplyPatch<TDefinition, TView>(current.Id, format, patch, Request.Precondition(), FieldSelection.All), cancellationToken);
        return Changed(view, view.Version);
    }

    [HttpGet("{name}/actions")]
    public async Task<Page<ActionView>> ListDefinitionActions(
        string name,
        [FromQuery] string? kind,
        [FromQuery] int limit = PageRequest.DefaultLimit,
        [FromQuery] string? cursor = null,
        CancellationToken cancellationToken = default)
    {
        var current = await Mediator.Send(new FindDefinition<TDefinition, TView>(name), cancellationToken);
        return await Mediator.Send(
            new ListActions(TimelineSubject.Definition(subjectType, current.Id), kind, new PageRequest(limit, cursor)), cancellationToken);
    }
}
