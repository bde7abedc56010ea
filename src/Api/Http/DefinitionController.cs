using System.Text.Json.Nodes;
using Linkage.Application.Common.Idempotency;
using Linkage.Application.Definitions;
using Linkage.Application.Timeline.ListActions;

namespace Linkage.Api.Http;

/// <summary>
/// The HTTP side of what a tenant defines, by name (API.md 5.1, 5.2): define, list, read, patch (If-Match: add or relabel
/// fields) and its timeline. A derived controller gives the route, the timeline subject type and the named use case each
/// action sends; each action sends once, the name resolved inside the use case.
/// </summary>
public abstract class DefinitionController<TView, TDefine>(
    string subjectType,
    Func<string, IRequest<TView>> get,
    Func<PageRequest, IRequest<Page<TView>>> list,
    Func<string, JsonNode?, Application.Patching.PatchFormat, Precondition, IRequest<TView>> patch)
    : LinkageControllerBase
    where TView : ResourceView, INamedView
    where TDefine : IdempotentCreate<TDefine>, IIdempotentCommand<TView>
{
    [HttpPost]
    [Consumes("application/json")]
    [ProducesResponseType(StatusCodes.Status201Created)]
    public async Task<ActionResult<TView>> CreateDefinition([FromBody] TDefine body, CancellationToken cancellationToken)
    {
        var answer = await Mediator.Send(body.WithIdempotencyKey(Request.IdempotencyKey()), cancellationToken);
        // Names are plain ASCII words (API.md 5.1); escaped anyway, so no name can ever break the header.
        return CreatedWithETag($"{Request.Path.Value!.TrimEnd('/')}/{Uri.EscapeDataString(answer.Value.Name)}", answer, answer.Value.Version);
    }

    [HttpGet]
    public Task<Page<TView>> ListDefinitions(
        [FromQuery] int limit = PageRequest.DefaultLimit,
        [FromQuery] string? cursor = null,
        CancellationToken cancellationToken = default) =>
        Mediator.Send(list(new PageRequest(limit, cursor)), cancellationToken);

    [HttpGet("{name}")]
    [ProducesResponseType(StatusCodes.Status200OK)]
    [ProducesResponseType(StatusCodes.Status304NotModified)]
    public async Task<ActionResult<TView>> GetDefinition(string name, CancellationToken cancellationToken)
    {
        var view = await Mediator.Send(get(name), cancellationToken);
        return OkWithETag(view, view.Version);
    }

    /// <summary>A JSON Patch or a Merge Patch over <c>{label, fields}</c>; removing or retyping a field that has values is 409.</summary>
    [HttpPatch("{name}")]
    [Consumes(PatchBody.JsonPatch, PatchBody.MergePatch, PatchBody.Json)]
    public async Task<ActionResult<TView>> PatchDefinition(string name, CancellationToken cancellationToken)
    {
        var (format, body) = await Request.ReadPatchAsync(cancellationToken);
        var view = await Mediator.Send(patch(name, body, format, Request.Precondition()), cancellationToken);
        return Changed(view, view.Version);
    }

    [HttpGet("{name}/actions")]
    public Task<Page<ActionView>> ListDefinitionActions(
        string name,
        [FromQuery] string? kind,
        [FromQuery] int limit = PageRequest.DefaultLimit,
        [FromQuery] string? cursor = null,
        CancellationToken cancellationToken = default) =>
        Mediator.Send(new ListActions(TimelineSubject.Definition(subjectType, name), kind, new PageRequest(limit, cursor)), cancellationToken);
}
