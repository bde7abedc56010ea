using Linkage.Api.Http;
using Linkage.Application.Common.Concurrency;
using Linkage.Application.Common.Fields;
using Linkage.Application.Common.Paging;
using Linkage.Application.Companies;
using Linkage.Application.Companies.CreateCompany;
using Linkage.Application.Companies.DeleteCompany;
using Linkage.Application.Companies.GetCompany;
using Linkage.Application.Companies.ListCompanies;
using Linkage.Application.Patching;
using Linkage.Application.Patching.ApplyPatch;
using Linkage.Application.Timeline;
using Linkage.Application.Timeline.ListActions;
using Linkage.Domain.Common;
using Microsoft.AspNetCore.Mvc;

namespace Linkage.Api.Controllers;

/// <summary>Companies (API.md 2.1) and their timelines (2.3).</summary>
[Route("api/v1/network/companies")]
public sealed class CompaniesController : LinkageControllerBase
{
    [HttpPost]
    [Consumes("application/json")]
    [ProducesResponseType<CompanyView>(StatusCodes.Status201Created)]
    public async Task<IActionResult> CreateCompany(
        [FromBody] CreateCompany body,
        [FromHeader(Name = LinkageHeaders.IdempotencyKey)] string? idempotencyKey,
        CancellationToken cancellationToken)
    {
        var company = await Mediator.Send(body with { IdempotencyKey = idempotencyKey }, cancellationToken);
        return CreatedWithETag($"/api/v1/network/companies/{company.Id}", company, company.Version);
    }

    [HttpGet("{id:guid}")]
    [ProducesResponseType<CompanyView>(StatusCodes.Status200OK)]
    [ProducesResponseType(StatusCodes.Status304NotModified)]
    public async Task<IActionResult> GetCompany(
        Guid id,
        [FromQuery(Name = "$select")] string? select,
        [FromHeader(Name = "If-None-Match")] string? ifNoneMatch,
        CancellationToken cancellationToken)
    {
        var selection = FieldSelection.Parse(select);
        var company = await Mediator.Send(new GetCompany(id, selection), cancellationToken);
        return OkWithETag(selection.Shape(company, HttpContext), company.Version);
    }

    /// <summary>Applies a JSON Patch or a Merge Patch (API.md 4); If-Match or If-Unmodified-Since is required.</summary>
    [HttpPatch("{id:guid}")]
    [Consumes(PatchBody.JsonPatch, PatchBody.MergePatch, PatchBody.Json)]
    [ProducesResponseType<CompanyView>(StatusCodes.Status200OK)]
    public async Task<IActionResult> PatchCompany(
        Guid id,
        [FromQuery(Name = "$select")] string? select,
        [FromHeader(Name = "If-Match")] string? ifMatch,
        [FromHeader(Name = "If-Unmodified-Since")] string? ifUnmodifiedSince,
        CancellationToken cancellationToken)
    {
        var (format, patch) = await Request.ReadPatchAsync(cancellationToken);
        var selection = FieldSelection.Parse(select);
        var patched = await Mediator.Send(
            new ApplyPatch(PatchableResource.Company, id, format, patch, Request.Precondition(), selection), cancellationToken);
        Response.Headers.ETag = EntityTagCondition.Format(patched.Version);
        return Ok(selection.Shape(patched.View, HttpContext));
    }

    [HttpGet]
    public Task<Page<CompanyView>> ListCompanies(
        [FromQuery] string? q,
        [FromQuery] int limit = PageRequest.DefaultLimit,
        [FromQuery] string? cursor = null,
        CancellationToken cancellationToken = default) =>
        Mediator.Send(new ListCompanies(q, new PageRequest(limit, cursor)), cancellationToken);

    [HttpDelete("{id:guid}")]
    [ProducesResponseType(StatusCodes.Status204NoContent)]
    public async Task<IActionResult> DeleteCompany(
        Guid id,
        [FromHeader(Name = "If-Match")] string? ifMatch,
        CancellationToken cancellationToken)
    {
        await Mediator.Send(new DeleteCompany(id, Request.Precondition()), cancellationToken);
        return NoContent();
    }

    [HttpGet("{id:guid}/actions")]
    public Task<Page<ActionView>> ListCompanyActions(
        Guid id,
        [FromQuery] string? kind,
        [FromQuery] int limit = PageRequest.DefaultLimit,
        [FromQuery] string? cursor = null,
        CancellationToken cancellationToken = default) =>
        Mediator.Send(new ListActions(SubjectType.Company, id, kind, new PageRequest(limit, cursor)), cancellationToken);
}
