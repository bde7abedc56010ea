using Linkage.Domain.Webhooks;

namespace Linkage.Application.Webhooks.PingWebhook;

/// <summary>
/// Sends a <c>webhook.ping</c> event to this endpoint alone (API.md 8): a delivery like any other, due now. With an
/// Idempotency-Key a repeated request answers the first one's delivery instead of sending another.
/// </summary>
public sealed record PingWebhook(Guid Id) : IdempotentCreate<PingWebhook>, IIdempotentCommand<WebhookDeliveryView>, IAuthorizedRequest
{
    RequiredRights IAuthorizedRequest.Rights => WebhookRights.Admin;
}

public sealed class PingWebhookHandler(ILinkageDbContext db, ChangeContext changes, TimeProvider time) : IRequestHandler<PingWebhook, IdempotentResult<WebhookDeliveryView>>
{
    public async Task<IdempotentResult<WebhookDeliveryView>> Handle(PingWebhook request, CancellationToken cancellationToken)
    {
        if (!await db.Set<WebhookEndpoint>().AnyAsync(e => e.Id == request.Id, cancellationToken))
        {
            throw new NotFoundException("No such webhook.");
        }

        var stamp = changes.Stamp();
        var eventId = Guid.CreateVersion7(time.GetUtcNow());
        var payload = WebhookPayload.Ping(eventId, stamp.Utc, stamp.ActorId, stamp.Origin, request.Id);
        var delivery = new WebhookDelivery(changes.TenantId, request.Id, eventId, WebhookDelivery.PingType, payload, stamp.Utc);
        db.Set<WebhookDelivery>().Add(delivery);
        return WebhookDeliveryView.Of(delivery);
    }
}
