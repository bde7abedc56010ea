using System.Text.Json.Nodes;
using Linkage.Api.Operations.OpenApi;
using Linkage.Application.Common.Idempotency;
using Linkage.Application.Patching;

namespace Linkage.Api.Http;

/// <summary>
/// A record of the network, a contact or a company: a <see cref="ResourceController{TView,TCreate}"/> that also lists with
/// <c>?q=</c> and takes a JSON Patch or a Merge Patch (API.md 2.1, 4), each action sending the named use case it is given.
/// </summary>
public abstract class NetworkRecordController<TView, TCreate>(
    Func<Guid, TimelineSubject> subject,
    Func<Guid, FieldSelection, IRequest<TView>> get,
    Func<string?, PageRequest, IRequest<Page<TView>>> list,
    Func<Guid, PatchFormat, JsonNode?, Precondition, FieldSelection, IRequest<TView>> patch,
    Func<Guid, Precondition, IRequest<Unit>> delete)
    : ResourceController<TView, TCreate>(subject, get, delete)
    where TView : ResourceView
    where TCreate : IdempotentCreate<TCreate>, IIdempotentCommand<TView>
{
    /// <param name="q">Matches, in any case, a prefix of a name (a contact's first, last or full name; a company's name) or a whole email value.</param>
    /// <param name="limit">Items per page.</param>
    /// <param name="cursor">The nextCursor of the previous page.</param>
    /// <param name="cancellationToken">Ends the work when the caller goes away.</param>
    [HttpGet]
    public Task<Page<TView>> ListResources(
        [FromQuery] string? q,
        [FromQuery] int limit = PageRequest.DefaultLimit,
        [FromQuery] string? cursor = null,
        CancellationToken cancellationToken = default) =>
        Mediator.Send(list(q, new PageRequest(limit, cursor)), cancellationToken);

    /// <summary>Applies a JSON Patch or a Merge Patch (API.md 4); If-Match or If-Unmodified-Since is required.</summary>
    [HttpPatch("{id:guid}")]
    [Consumes(PatchBody.JsonPatch, PatchBody.MergePatch, PatchBody.Json)]
    [AcceptsIfUnmodifiedSince]
    public async Task<ActionResult<TView>> PatchResource(Guid id, [FromQuery(Name = "$select")] string? select, CancellationToken cancellationToken)
    {
        var (format, body) = await Request.ReadPatchAsync(cancellationToken);
        var selection = FieldSelection.Parse(select);
        var view = await Mediator.Send(patch(id, format, body, Request.Precondition(), selection), cancellationToken);
        return Changed(selection.Shape(view, HttpContext), view.Version);
    }
}
