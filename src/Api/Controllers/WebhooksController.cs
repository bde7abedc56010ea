using Linkage.Application.Webhooks;
using Linkage.Application.Webhooks.CreateWebhook;
using Linkage.Application.Webhooks.DeleteWebhook;
using Linkage.Application.Webhooks.GetWebhook;
using Linkage.Application.Webhooks.ListWebhookDeliveries;
using Linkage.Application.Webhooks.ListWebhooks;
using Linkage.Application.Webhooks.PatchWebhook;
using Linkage.Application.Webhooks.PingWebhook;
using Linkage.Application.Webhooks.RetryWebhookDelivery;
using Linkage.Application.Webhooks.RotateWebhookSecret;

namespace Linkage.Api.Controllers;

/// <summary>Webhook endpoints, their secrets and their delivery logs (API.md 8); every action needs <c>*:Admin</c>.</summary>
[Route("api/v1/webhooks")]
public sealed class WebhooksController : LinkageControllerBase
{
    /// <summary>Creates an endpoint; the answer is the only one (with a rotation's) that shows its secret.</summary>
    [HttpPost]
    [Consumes("application/json")]
    [ProducesResponseType(StatusCodes.Status201Created)]
    public async Task<ActionResult<WebhookWithSecretView>> CreateWebhook([FromBody] CreateWebhook body, CancellationToken cancellationToken)
    {
        var answer = await Mediator.Send(body.WithIdempotencyKey(Request.IdempotencyKey()), cancellationToken);
        return CreatedWithETag($"/api/v1/webhooks/{answer.Value.Id}", answer, answer.Value.Version);
    }

    [HttpGet]
    public Task<Page<WebhookView>> ListWebhooks(
        [FromQuery] int limit = PageRequest.DefaultLimit,
        [FromQuery] string? cursor = null,
        CancellationToken cancellationToken = default) =>
        Mediator.Send(new ListWebhooks(new PageRequest(limit, cursor)), cancellationToken);

    /// <param name="id">The endpoint's id.</param>
    /// <param name="cancellationToken">Ends the request.</param>
    [HttpGet("{id:guid}")]
    [ProducesResponseType(StatusCodes.Status200OK)]
    [ProducesResponseType(StatusCodes.Status304NotModified)]
    public async Task<ActionResult<WebhookView>> GetWebhook(Guid id, CancellationToken cancellationToken)
    {
        var view = await Mediator.Send(new GetWebhook(id), cancellationToken);
        return OkWithETag(view, view.Version);
    }

    /// <summary>A JSON Merge Patch of <c>url</c>, <c>types</c>, <c>description</c> and <c>enabled</c>; If-Match is required.</summary>
    /// <param name="id">The endpoint's id.</param>
    /// <param name="body">The members to change; <c>types: null</c> means every kind, <c>description: null</c> clears it.</param>
    /// <param name="cancellationToken">Ends the request.</param>
    [HttpPatch("{id:guid}")]
    [Consumes("application/merge-patch+json", "application/json")]
    public async Task<ActionResult<WebhookView>> PatchWebhook(Guid id, [FromBody] PatchWebhookBody body, CancellationToken cancellationToken)
    {
        var view = await Mediator.Send(body.ToCommand(id, Request.Precondition()), cancellationToken);
        return Changed(view, view.Version);
    }

    /// <param name="id">The endpoint's id.</param>
    /// <param name="cancellationToken">Ends the request.</param>
    [HttpDelete("{id:guid}")]
    [ProducesResponseType(StatusCodes.Status204NoContent)]
    public async Task<IActionResult> DeleteWebhook(Guid id, CancellationToken cancellationToken)
    {
        await Mediator.Send(new DeleteWebhook(id, Request.Precondition()), cancellationToken);
        return NoContent();
    }

    /// <summary>A new secret, shown in this answer only; for 24 h every delivery carries signatures with both.</summary>
    /// <param name="id">The endpoint's id.</param>
    /// <param name="cancellationToken">Ends the request.</param>
    [HttpPost("{id:guid}/rotate-secret")]
    public async Task<ActionResult<WebhookWithSecretView>> RotateWebhookSecret(Guid id, CancellationToken cancellationToken)
    {
        var answer = await Mediator.Send(new RotateWebhookSecret(id).WithIdempotencyKey(Request.IdempotencyKey()), cancellationToken);
        return FoundWithETag(answer, answer.Value.Version);
    }

    /// <summary>Sends a <c>webhook.ping</c> event to this endpoint alone; the answer is its delivery.</summary>
    /// <param name="id">The endpoint's id.</param>
    /// <param name="cancellationToken">Ends the request.</param>
    [HttpPost("{id:guid}/ping")]
    [ProducesResponseType<WebhookDeliveryView>(StatusCodes.Status202Accepted)]
    public async Task<ActionResult<WebhookDeliveryView>> PingWebhook(Guid id, CancellationToken cancellationToken) =>
        AcceptedReplayable(await Mediator.Send(new PingWebhook(id).WithIdempotencyKey(Request.IdempotencyKey()), cancellationToken));

    /// <summary>The endpoint's deliveries, newest first.</summary>
    /// <param name="id">The endpoint's id.</param>
    /// <param name="limit">Page size, 1..200.</param>
    /// <param name="cursor">The previous page's <c>nextCursor</c>.</param>
    /// <param name="cancellationToken">Ends the request.</param>
    [HttpGet("{id:guid}/deliveries")]
    public Task<Page<WebhookDeliveryView>> ListWebhookDeliveries(
        Guid id,
        [FromQuery] int limit = PageRequest.DefaultLimit,
        [FromQuery] string? cursor = null,
        CancellationToken cancellationToken = default) =>
        Mediator.Send(new ListWebhookDeliveries(id, new PageRequest(limit, cursor)), cancellationToken);

    /// <summary>Sends a delivery again now, with the same body and <c>webhook-id</c>.</summary>
    /// <param name="id">The endpoint's id.</param>
    /// <param name="deliveryId">The delivery's id.</param>
    /// <param name="cancellationToken">Ends the request.</param>
    [HttpPost("{id:guid}/deliveries/{deliveryId:guid}/retry")]
    [ProducesResponseType<WebhookDeliveryView>(StatusCodes.Status202Accepted)]
    public async Task<ActionResult<WebhookDeliveryView>> RetryWebhookDelivery(Guid id, Guid deliveryId, CancellationToken cancellationToken) =>
        AcceptedReplayable(await Mediator.Send(new RetryWebhookDelivery(id, deliveryId).WithIdempotencyKey(Request.IdempotencyKey()), cancellationToken));
}
