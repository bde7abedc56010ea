using Linkage.Application.Events;
using Linkage.Domain.Webhooks;

namespace Linkage.Application.Webhooks.CreateWebhook;

/// <summary>
/// Creates a webhook endpoint (API.md 8): <c>{url, types?, description?}</c>, needs <c>*:Admin</c>. The answer is the only
/// one that shows its secret (besides a rotation's). It receives the events committed after it (from the feed's head now).
/// </summary>
public sealed record CreateWebhook(string? Url, IReadOnlyList<string>? Types, string? Description)
    : IdempotentCreate<CreateWebhook>, IIdempotentCommand<WebhookWithSecretView>, IAuthorizedRequest
{
    RequiredRights IAuthorizedRequest.Rights => WebhookRights.Admin;
}

public sealed class CreateWebhookHandler(ILinkageDbContext db, ChangeContext changes, IWebhookTargets targets, IEventFeed feed)
    : IRequestHandler<CreateWebhook, IdempotentResult<WebhookWithSecretView>>
{
    public async Task<IdempotentResult<WebhookWithSecretView>> Handle(CreateWebhook request, CancellationToken cancellationToken)
    {
        await targets.GuardAsync(request.Url!, cancellationToken);
        var head = await feed.HeadAsync(changes.TenantId, cancellationToken);
        var endpoint = WebhookEndpoint.Create(
            changes.TenantId, request.Url!, WebhookRules.Normalized(request.Types), request.Description, head.Position, changes.Stamp());
        db.Set<WebhookEndpoint>().Add(endpoint);
        return WebhookWithSecretView.WithSecret(endpoint);
    }
}
