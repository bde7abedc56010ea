using Linkage.Domain.Webhooks;

namespace Linkage.Application.Webhooks.DeleteWebhook;

/// <summary>Deletes a webhook endpoint (API.md 8; If-Match required): no attempt starts after it, and it then answers 404.</summary>
public sealed record DeleteWebhook(Guid Id, Precondition Precondition) : IConditionalCommand<WebhookEndpoint, Unit>
{
    public ILocator<WebhookEndpoint> Target => WebhookRights.ById(Id);

    ILocator IConditionalCommand.Locator => Target;

    public bool AcceptsIfUnmodifiedSince => false;

    public RequiredRights Rights => WebhookRights.Admin;

    public RequiredRights RightsOver(WebhookEndpoint target) => WebhookRights.Admin;
}

public sealed class DeleteWebhookHandler(ChangeContext changes) : IConditionalCommandHandler<DeleteWebhook, WebhookEndpoint, Unit>
{
    public Task<Unit> Handle(DeleteWebhook command, WebhookEndpoint endpoint, CancellationToken cancellationToken)
    {
        endpoint.Delete(changes.Stamp());
        return Task.FromResult(Unit.Value);
    }
}
