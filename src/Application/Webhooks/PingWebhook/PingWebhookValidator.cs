namespace Linkage.Application.Webhooks.PingWebhook;

public sealed class PingWebhookValidator : AbstractValidator<PingWebhook>
{
    public PingWebhookValidator() => RuleFor(c => c.IdempotencyKey).IdempotencyKey();
}
