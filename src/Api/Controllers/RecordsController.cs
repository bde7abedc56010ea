using Linkage.Api.Operations.OpenApi;
using Linkage.Application.Records;
using Linkage.Application.Records.CreateRecord;
using Linkage.Application.Records.DeleteRecord;
using Linkage.Application.Records.GetRecord;
using Linkage.Application.Records.ListRecords;
using Linkage.Application.Records.PatchRecord;
using Linkage.Application.Timeline.ListActions;

namespace Linkage.Api.Controllers;

/// <summary>
/// Records of the custom domain the route names (API.md 5.1): rights are on that domain (<c>Claim:Read</c>), and a
/// record of another domain is not found under this one.
/// </summary>
[Route("api/v1/records/{domain}")]
public sealed class RecordsController : LinkageControllerBase
{
    private static readonly string[] PageParameters = ["limit", "cursor"];

    [HttpPost]
    [Consumes("application/json")]
    [ProducesResponseType(StatusCodes.Status201Created)]
    public async Task<ActionResult<RecordView>> CreateRecord(string domain, [FromBody] RecordInput body, CancellationToken cancellationToken)
    {
        var command = Application.Records.CreateRecord.CreateRecord.For(domain, body).WithIdempotencyKey(Request.IdempotencyKey());
        var answer = await Mediator.Send(command, cancellationToken);
        return CreatedWithETag($"/api/v1/records/{answer.Value.Domain}/{answer.Value.Id}", answer, answer.Value.Version);
    }

    /// <summary>
    /// The records that equal every field value given, as <c>?$where=policyNumber=POL-1</c> (repeatable) or as API.md 5.1's
    /// <c>?policyNumber=POL-1</c> (every parameter but <c>limit</c> and <c>cursor</c> is a field).
    /// </summary>
    /// <param name="domain">The custom domain's name (Claim).</param>
    /// <param name="limit">Items per page.</param>
    /// <param name="cursor">The nextCursor of the previous page.</param>
    /// <param name="cancellationToken">Ends the work when the caller goes away.</param>
    [HttpGet]
    [FieldEqualityQuery]
    public Task<Page<RecordView>> ListRecords(
        string domain,
        [FromQuery] int limit = PageRequest.DefaultLimit,
        [FromQuery] string? cursor = null,
        CancellationToken cancellationToken = default) =>
        Mediator.Send(new ListRecords(domain, RecordFilter.Read(Request.Query, PageParameters), new PageRequest(limit, cursor)), cancellationToken);

    /// <summary>The record; <c>reveal=true</c> shows restricted values to a caller with <c>Reveal</c> on the domain, and records it.</summary>
    [HttpGet("{id:guid}")]
    [ProducesResponseType(StatusCodes.Status200OK)]
    [ProducesResponseType(StatusCodes.Status304NotModified)]
    public async Task<ActionResult<RecordView>> GetRecord(
        string domain, Guid id, [FromQuery(Name = "$select")] string? select, [FromQuery] bool reveal = false, CancellationToken cancellationToken = default)
    {
        var selection = FieldSelection.Parse(select);
        var record = reveal
            ? await Mediator.Send(new RevealRecord(domain, id, selection), cancellationToken)
            : await Mediator.Send(new Application.Records.GetRecord.GetRecord(domain, id, selection), cancellationToken);
        return OkWithETag(selection.Shape(record, HttpContext), record.Version);
    }

    /// <summary>A JSON Patch or a Merge Patch over <c>{fields}</c> (API.md 5.1); If-Match is required.</summary>
    [HttpPatch("{id:guid}")]
    [Consumes(PatchBody.JsonPatch, PatchBody.MergePatch, PatchBody.Json)]
    public async Task<ActionResult<RecordView>> PatchRecord(string domain, Guid id, CancellationToken cancellationToken)
    {
        var (format, patch) = await Request.ReadPatchAsync(cancellationToken);
        var record = await Mediator.Send(new PatchRecord(domain, id, format, patch, Request.Precondition()), cancellationToken);
        return Changed(record, record.Version);
    }

    [HttpDelete("{id:guid}")]
    [ProducesResponseType(StatusCodes.Status204NoContent)]
    public async Task<IActionResult> DeleteRecord(string domain, Guid id, CancellationToken cancellationToken)
    {
        await Mediator.Send(new DeleteRecord(domain, id, Request.Precondition()), cancellationToken);
        return NoContent();
    }

    [HttpGet("{id:guid}/actions")]
    public Task<Page<ActionView>> ListRecordActions(
        string domain,
        Guid id,
        [FromQuery] string? kind,
        [FromQuery] int limit = PageRequest.DefaultLimit,
        [FromQuery] string? cursor = null,
        CancellationToken cancellationToken = default) =>
        Mediator.Send(new ListActions(TimelineSubject.Record(domain, id), kind, new PageRequest(limit, cursor)), cancellationToken);
}
