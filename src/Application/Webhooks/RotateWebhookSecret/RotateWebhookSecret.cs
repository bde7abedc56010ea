using Linkage.Domain.Webhooks;

namespace Linkage.Application.Webhooks.RotateWebhookSecret;

/// <summary>
/// Gives a webhook endpoint a new secret, shown in this answer only (API.md 8); for <see cref="WebhooksOptions.RotationOverlap"/>
/// (24 h) every delivery is signed with both, so receivers can switch without losing one. With an Idempotency-Key a
/// client that lost the answer asks again and gets the same new secret, rather than rotating once more.
/// </summary>
public sealed record RotateWebhookSecret(Guid Id)
    : IdempotentCreate<RotateWebhookSecret>, IIdempotentCommand<WebhookWithSecretView>, IAuthorizedRequest
{
    RequiredRights IAuthorizedRequest.Rights => WebhookRights.Admin;
}

public sealed class RotateWebhookSecretHandler(IAggregateStore<WebhookEndpoint> endpoints, ChangeContext changes, WebhooksOptions options)
    : IRequestHandler<RotateWebhookSecret, IdempotentResult<WebhookWithSecretView>>
{
    public async Task<IdempotentResult<WebhookWithSecretView>> Handle(RotateWebhookSecret request, CancellationToken cancellationToken)
    {
        var endpoint = await endpoints.LoadAsync(request.Id, cancellationToken) ?? throw new NotFoundException("No such webhook.");
        endpoint.RotateSecret(options.RotationOverlap, changes.Stamp());
        return WebhookWithSecretView.WithSecret(endpoint);
    }
}
