using Linkage.Application.Links;
using Linkage.Application.Links.CreateLink;
using Linkage.Application.Links.DeleteLink;
using Linkage.Application.Links.GetLink;
using Linkage.Application.Links.ListLinks;
using Linkage.Application.Links.UpdateLink;

namespace Linkage.Api.Controllers;

/// <summary>Contact-company links (API.md 2.2), also listed under their contact and company.</summary>
[Route("api/v1/network/links")]
public sealed class LinksController : LinkageControllerBase
{
    [HttpPost]
    [Consumes("application/json")]
    [ProducesResponseType(StatusCodes.Status201Created)]
    public async Task<ActionResult<LinkView>> CreateLink([FromBody] CreateLink body, CancellationToken cancellationToken)
    {
        var answer = await Mediator.Send(body.WithIdempotencyKey(Request.IdempotencyKey()), cancellationToken);
        return CreatedWithETag($"/api/v1/network/links/{answer.Value.Id}", answer, answer.Value.Version);
    }

    [HttpGet("{id:guid}")]
    [ProducesResponseType(StatusCodes.Status200OK)]
    [ProducesResponseType(StatusCodes.Status304NotModified)]
    public async Task<ActionResult<LinkView>> GetLink(Guid id, CancellationToken cancellationToken)
    {
        var link = await Mediator.Send(new GetLink(id), cancellationToken);
        return OkWithETag(link, link.Version);
    }

    /// <summary>Omitted members are left alone, <c>null</c> clears; If-Match is required.</summary>
    [HttpPatch("{id:guid}")]
    [Consumes("application/json")]
    public async Task<ActionResult<LinkView>> UpdateLink(Guid id, [FromBody] UpdateLinkBody body, CancellationToken cancellationToken)
    {
        var link = await Mediator.Send(body.ToCommand(id, Request.Precondition()), cancellationToken);
        return Changed(link, link.Version);
    }

    [HttpDelete("{id:guid}")]
    [ProducesResponseType(StatusCodes.Status204NoContent)]
    public async Task<IActionResult> DeleteLink(Guid id, CancellationToken cancellationToken)
    {
        await Mediator.Send(new DeleteLink(id, Request.Precondition()), cancellationToken);
        return NoContent();
    }

    [HttpGet("/api/v1/network/contacts/{id:guid}/links")]
    public Task<Page<LinkView>> ListContactLinks(
        Guid id,
        [FromQuery] int limit = PageRequest.DefaultLimit,
        [FromQuery] string? cursor = null,
        CancellationToken cancellationToken = default) =>
        Mediator.Send(new ListLinks(TimelineSubject.Contact(id), new PageRequest(limit, cursor)), cancellationToken);

    [HttpGet("/api/v1/network/companies/{id:guid}/links")]
    public Task<Page<LinkView>> ListCompanyLinks(
        Guid id,
        [FromQuery] int limit = PageRequest.DefaultLimit,
        [FromQuery] string? cursor = null,
        CancellationToken cancellationToken = default) =>
        Mediator.Send(new ListLinks(TimelineSubject.Company(id), new PageRequest(limit, cursor)), cancellationToken);
}
