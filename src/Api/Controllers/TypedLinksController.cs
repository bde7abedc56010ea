using Linkage.Application.Links.UpsertLink;

namespace Linkage.Api.Controllers;

/// <summary>Links of records to contacts and files (API.md 5.4, 6), by upsert.</summary>
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
        var link = await Mediator.Send(body.WithIdempotencyKey(Request.IdempotencyKey()), cancellationToken);
        return link.Inserted ? CreatedWithETag($"/api/v1/links/{link.LinkId}", link, link.Version) : Changed(link, link.Version);
    }
}
