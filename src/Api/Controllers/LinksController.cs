using Linkage.Api.Http;
using Linkage.Application.Common.Concurrency;
using Linkage.Application.Common.Paging;
using Linkage.Application.Links;
using Linkage.Application.Links.CreateLink;
using Linkage.Application.Links.DeleteLink;
using Linkage.Application.Links.GetLink;
using Linkage.Application.Links.ListLinks;
using Linkage.Application.Links.UpdateLink;
using Linkage.Domain.Common;
using Microsoft.AspNetCore.Mvc;

namespace Linkage.Api.Controllers;

/// <summary>Contact-company links (API.md 2.2), also listed under their contact and company.</summary>
[Route("api/v1/network/links")]
public sealed class LinksController : LinkageControllerBase
{
    [HttpPost]
    [Consumes("application/json")]
    [ProducesResponseType<LinkView>(StatusCodes.Status201Created)]
    public async Task<IActionResult> CreateLink(
        [FromBody] CreateLink body,
        [FromHeader(Name = LinkageHeaders.IdempotencyKey)] string? idempotencyKey,
        CancellationToken cancellationToken)
    {
        var link = await Mediator.Send(body with { IdempotencyKey = idempotencyKey }, cancellationToken);
        return CreatedWithETag($"/api/v1/network/links/{link.Id}", link, link.Version);
    }

    [HttpGet("{id:guid}")]
    [ProducesResponseType<LinkView>(StatusCodes.Status200OK)]
    [ProducesResponseType(StatusCodes.Status304NotModified)]
    public async Task<IActionResult> GetLink(
        Guid id,
        [FromHeader(Name = "If-None-Match")] string? ifNoneMatch,
        CancellationToken cancellationToken)
    {
        var link = await Mediator.Send(new GetLink(id), cancellationToken);
        return OkWithETag(link, link.Version);
    }

    /// <summary>Omitted members are left alone, <c>null</c> clears; If-Match is required.</summary>
    [HttpPatch("{id:guid}")]
    [Consumes("application/json")]
    [ProducesResponseType<LinkView>(StatusCodes.Status200OK)]
    public async Task<IActionResult> UpdateLink(
        Guid id,
        [FromBody] UpdateLinkBody body,
        [FromHeader(Name = "If-Match")] string? ifMatch,
        CancellationToken cancellationToken)
    {
        var link = await Mediator.Send(body.ToCommand(id, Request.Precondition()), cancellationToken);
        Response.Headers.ETag = EntityTagCondition.Format(link.Version);
        return Ok(link);
    }

    [HttpDelete("{id:guid}")]
    [ProducesResponseType(StatusCodes.Status204NoContent)]
    public async Task<IActionResult> DeleteLink(
        Guid id,
        [FromHeader(Name = "If-Match")] string? ifMatch,
        CancellationToken cancellationToken)
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
        Mediator.Send(new ListLinks(SubjectType.Contact, id, new PageRequest(limit, cursor)), cancellationToken);

    [HttpGet("/api/v1/network/companies/{id:guid}/links")]
    public Task<Page<LinkView>> ListCompanyLinks(
        Guid id,
        [FromQuery] int limit = PageRequest.DefaultLimit,
        [FromQuery] string? cursor = null,
        CancellationToken cancellationToken = default) =>
        Mediator.Send(new ListLinks(SubjectType.Company, id, new PageRequest(limit, cursor)), cancellationToken);
}
