namespace Linkage.Application.Webhooks.RotateWebhookSecret;

public sealed class RotateWebhookSecretValidator : AbstractValidator<RotateWebhookSecret>
{
    public RotateWebhookSecretValidator() => RuleFor(c => c.IdempotencyKey).IdempotencyKey();
}
