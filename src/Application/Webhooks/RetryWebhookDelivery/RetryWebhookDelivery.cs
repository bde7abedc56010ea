using Linkage.Domain.Webhooks;

namespace Linkage.Application.Webhooks.RetryWebhookDelivery;

/// <summary>
/// Sends a delivery again now (API.md 8), whatever its status: the same body and <c>webhook-id</c>. An attempt already in
/// flight ends first, so there is still one attempt at a time. With an Idempotency-Key a repeated request is answered
/// without asking for another attempt.
/// </summary>
public sealed record RetryWebhookDelivery(Guid Id, Guid DeliveryId)
    : IdempotentCreate<RetryWebhookDelivery>, IIdempotentCommand<WebhookDeliveryView>, IAuthorizedRequest
{
    RequiredRights IAuthorizedRequest.Rights => WebhookRights.Admin;
}

public sealed class RetryWebhookDeliveryHandler(ILinkageDbContext db, TimeProvider time) : IRequestHandler<RetryWebhookDelivery, IdempotentResult<WebhookDeliveryView>>
{
    public async Task<IdempotentResult<WebhookDeliveryView>> Handle(RetryWebhookDelivery request, CancellationToken cancellationToken)
    {
        var endpointLive = await db.Set<WebhookEndpoint>().AnyAsync(e => e.Id == request.Id, cancellationToken);
        var delivery = endpointLive
            ? await db.Set<WebhookDelivery>().FirstOrDefaultAsync(d => d.EndpointId == request.Id && d.Id == request.DeliveryId, cancellationToken)
            : null;
        if (delivery is null)
        {
            throw new NotFoundException("No such delivery.");
        }

        delivery.RetryNow(time.GetUtcNow().UtcDateTime);
        return WebhookDeliveryView.Of(delivery);
    }
}
