using Linkage.Domain.Webhooks;

namespace Linkage.Application.Webhooks.DeleteWebhook;

/// <summary>
/// Deletes a webhook endpoint (API.md 8; If-Match required): no attempt starts after it, its pending deliveries are given up
/// in the same transaction (so the workers' claims never pass over them again), and it then answers 404.
/// </summary>
public sealed record DeleteWebhook(Guid Id, Precondition Precondition) : IConditionalCommand<WebhookEndpoint, Unit>
{
    public ILocator<WebhookEndpoint> Target => WebhookRights.ById(Id);

    ILocator IConditionalCommand.Locator => Target;

    public bool AcceptsIfUnmodifiedSince => false;

    public RequiredRights Rights => WebhookRights.Admin;

    public RequiredRights RightsOver(WebhookEndpoint target) => WebhookRights.Admin;
}

public sealed class DeleteWebhookHandler(ILinkageDbContext db, ChangeContext changes) : IConditionalCommandHandler<DeleteWebhook, WebhookEndpoint, Unit>
{
    public async Task<Unit> Handle(DeleteWebhook command, WebhookEndpoint endpoint, CancellationToken cancellationToken)
    {
        endpoint.Delete(changes.Stamp());
        await db.Set<WebhookDelivery>()
            .Where(d => d.EndpointId == endpoint.Id && d.Status == DeliveryStatus.Pending)
            .ExecuteUpdateAsync(
                set => set.SetProperty(d => d.Status, DeliveryStatus.Failed)
                    .SetProperty(d => d.NextAttemptUtc, (DateTime?)null)
                    .SetProperty(d => d.LastError, "The endpoint was deleted."),
                cancellationToken);
        return Unit.Value;
    }
}
