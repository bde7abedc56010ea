using Linkage.Application.Links.UpsertLink;
using Linkage.Application.TypedLinks;
using Linkage.Application.TypedLinks.DeleteTypedLink;
using Linkage.Application.TypedLinks.GetTypedLink;
using Linkage.Application.TypedLinks.ListTypedLinks;
using Linkage.Application.TypedLinks.PatchTypedLink;

namespace Linkage.Api.Controllers;

/// <summary>
/// Links of records to contacts and files (API.md 5.4, 6): upserted, and read, patched and deleted as documents by
/// id or composite key (<c>relationship|_|fromDomain|_|toDomain|_|fromId|_|toId</c>, pipes sent as <c>%7C</c>).
/// </summary>
[Route("api/v1/links")]
public sealed class TypedLinksController : LinkageControllerBase
{
    /// <summary>Links a child to a parent, or updates the link that joins them: 201 when made, 200 when found.</summary>
    [HttpPost("upsert")]
    [Consumes("application/json")]
    [ProducesResponseType(StatusCodes.Status200OK)]
    [ProducesResponseType(StatusCodes.Status201Created)]
    public async Task<ActionResult<UpsertedLink>> UpsertLink([FromBody] UpsertLink body, CancellationToken cancellationToken)
    {
        var answer = await Mediator.Send(body.WithIdempotencyKey(Request.IdempotencyKey()), cancellationToken);
        var link = answer.Value;
        return link.Inserted ? CreatedWithETag($"/api/v1/links/{link.LinkId}", answer, link.Version) : FoundWithETag(answer, link.Version);
    }

    /// <summary>The link as a document; <c>reveal=true</c> shows restricted values to a caller with <c>Reveal</c>, and records it.</summary>
    [HttpGet("{id}")]
    [ProducesResponseType(StatusCodes.Status200OK)]
    [ProducesResponseType(StatusCodes.Status304NotModified)]
    public async Task<ActionResult<TypedLinkView>> GetTypedLink(
        string id, [FromQuery] bool includeEntityLabels = false, [FromQuery] bool reveal = false, CancellationToken cancellationToken = default)
    {
        var link = reveal
            ? await Mediator.Send(new RevealTypedLink(id, includeEntityLabels), cancellationToken)
            : await Mediator.Send(new GetTypedLink(id, includeEntityLabels), cancellationToken);
        return OkWithETag(link, link.Version);
    }

    /// <summary>An RFC 6902 JSON Patch over the document: <c>/displayLabel</c> and <c>/fieldValues/&lt;field&gt;</c> are writable; If-Match is required.</summary>
    [HttpPatch("{id}")]
    [Consumes(PatchBody.JsonPatch, PatchBody.Json)]
    public async Task<ActionResult<TypedLinkView>> PatchTypedLink(string id, CancellationToken cancellationToken)
    {
        var (_, patch) = await Request.ReadPatchAsync(cancellationToken);
        var link = await Mediator.Send(new PatchTypedLink(id, patch, Request.Precondition()), cancellationToken);
        return Changed(link, link.Version);
    }

    [HttpDelete("{id}")]
    [ProducesResponseType(StatusCodes.Status204NoContent)]
    public async Task<IActionResult> DeleteTypedLink(string id, CancellationToken cancellationToken)
    {
        await Mediator.Send(new DeleteTypedLink(id, Request.Precondition()), cancellationToken);
        return NoContent();
    }

    [HttpGet("/api/v1/records/{domain}/{id:guid}/links")]
    public Task<Page<TypedLinkView>> ListRecordLinks(
        string domain, Guid id, [FromQuery] bool includeEntityLabels = false, [FromQuery] int limit = PageRequest.DefaultLimit,
        [FromQuery] string? cursor = null, CancellationToken cancellationToken = default) =>
        Mediator.Send(new ListTypedLinks(TimelineSubject.Record(domain, id), includeEntityLabels, new PageRequest(limit, cursor)), cancellationToken);

    [HttpGet("/api/v1/network/contacts/{id:guid}/record-links")]
    public Task<Page<TypedLinkView>> ListContactRecordLinks(
        Guid id, [FromQuery] bool includeEntityLabels = false, [FromQuery] int limit = PageRequest.DefaultLimit,
        [FromQuery] string? cursor = null, CancellationToken cancellationToken = default) =>
        Mediator.Send(new ListTypedLinks(TimelineSubject.Contact(id), includeEntityLabels, new PageRequest(limit, cursor)), cancellationToken);
}
