using Linkage.Api.Http;
using Linkage.Application.Common.Concurrency;
using Linkage.Application.Common.Fields;
using Linkage.Application.Common.Paging;
using Linkage.Application.Contacts;
using Linkage.Application.Contacts.CreateContact;
using Linkage.Application.Contacts.DeleteContact;
using Linkage.Application.Contacts.GetContact;
using Linkage.Application.Contacts.ListContacts;
using Linkage.Application.Patching;
using Linkage.Application.Patching.ApplyPatch;
using Linkage.Application.Timeline;
using Linkage.Application.Timeline.ListActions;
using Linkage.Domain.Common;
using Microsoft.AspNetCore.Mvc;

namespace Linkage.Api.Controllers;

/// <summary>Contacts (API.md 2.1) and their timelines (2.3).</summary>
[Route("api/v1/network/contacts")]
public sealed class ContactsController : LinkageControllerBase
{
    [HttpPost]
    [Consumes("application/json")]
    [ProducesResponseType<ContactView>(StatusCodes.Status201Created)]
    public async Task<IActionResult> CreateContact(
        [FromBody] CreateContact body,
        [FromHeader(Name = LinkageHeaders.IdempotencyKey)] string? idempotencyKey,
        CancellationToken cancellationToken)
    {
        var contact = await Mediator.Send(body with { IdempotencyKey = idempotencyKey }, cancellationToken);
        return CreatedWithETag($"/api/v1/network/contacts/{contact.Id}", contact, contact.Version);
    }

    [HttpGet("{id:guid}")]
    [ProducesResponseType<ContactView>(StatusCodes.Status200OK)]
    [ProducesResponseType(StatusCodes.Status304NotModified)]
    public async Task<IActionResult> GetContact(
        Guid id,
        [FromQuery(Name = "$select")] string? select,
        [FromHeader(Name = "If-None-Match")] string? ifNoneMatch,
        CancellationToken cancellationToken)
    {
        var selection = FieldSelection.Parse(select);
        var contact = await Mediator.Send(new GetContact(id, selection), cancellationToken);
        return OkWithETag(selection.Shape(contact, HttpContext), contact.Version);
    }

    /// <summary>Applies a JSON Patch or a Merge Patch (API.md 4); If-Match or If-Unmodified-Since is required.</summary>
    [HttpPatch("{id:guid}")]
    [Consumes(PatchBody.JsonPatch, PatchBody.MergePatch, PatchBody.Json)]
    [ProducesResponseType<ContactView>(StatusCodes.Status200OK)]
    public async Task<IActionResult> PatchContact(
        Guid id,
        [FromQuery(Name = "$select")] string? select,
        [FromHeader(Name = "If-Match")] string? ifMatch,
        [FromHeader(Name = "If-Unmodified-Since")] string? ifUnmodifiedSince,
        CancellationToken cancellationToken)
    {
        var (format, patch) = await Request.ReadPatchAsync(cancellationToken);
        var selection = FieldSelection.Parse(select);
        var patched = await Mediator.Send(
            new ApplyPatch(PatchableResource.Contact, id, format, patch, Request.Precondition(), selection), cancellationToken);
        Response.Headers.ETag = EntityTagCondition.Format(patched.Version);
        return Ok(selection.Shape(patched.View, HttpContext));
    }

    [HttpGet]
    public Task<Page<ContactView>> ListContacts(
        [FromQuery] string? q,
        [FromQuery] int limit = PageRequest.DefaultLimit,
        [FromQuery] string? cursor = null,
        CancellationToken cancellationToken = default) =>
        Mediator.Send(new ListContacts(q, new PageRequest(limit, cursor)), cancellationToken);

    [HttpDelete("{id:guid}")]
    [ProducesResponseType(StatusCodes.Status204NoContent)]
    public async Task<IActionResult> DeleteContact(
        Guid id,
        [FromHeader(Name = "If-Match")] string? ifMatch,
        CancellationToken cancellationToken)
    {
        await Mediator.Send(new DeleteContact(id, Request.Precondition()), cancellationToken);
        return NoContent();
    }

    [HttpGet("{id:guid}/actions")]
    public Task<Page<ActionView>> ListContactActions(
        Guid id,
        [FromQuery] string? kind,
        [FromQuery] int limit = PageRequest.DefaultLimit,
        [FromQuery] string? cursor = null,
        CancellationToken cancellationToken = default) =>
        Mediator.Send(new ListActions(SubjectType.Contact, id, kind, new PageRequest(limit, cursor)), cancellationToken);
}
