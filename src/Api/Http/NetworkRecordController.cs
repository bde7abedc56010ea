using Linkage.Api.Operations.OpenApi;
using Linkage.Application.Common.Idempotency;
using Linkage.Application.Patching.ApplyPatch;
using Linkage.Application.Resources.CreateResource;
using Linkage.Application.Resources.ListResources;

namespace Linkage.Api.Http;

/// <summary>
/// A record of the network, a contact or a company: a <see cref="ResourceController{TAggregate,TView,TCreate}"/> that
/// also lists with <c>?q=</c> and takes a JSON Patch or a Merge Patch (API.md 2.1, 4).
/// </summary>
public abstract class NetworkRecordController<TAggregate, TView, TCreate>(Func<Guid, TimelineSubject> subject)
    : ResourceController<TAggregate, TView, TCreate>(subject)
    where TAggregate : AggregateRoot, ISoftDeletable
    where TView : ResourceView, INetworkRecordView<TAggregate, TView>
    where TCreate : IdempotentCreate<TCreate>, ICreateResource<TAggregate, TView>
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
}
