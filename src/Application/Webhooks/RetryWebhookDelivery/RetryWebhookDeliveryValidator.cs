namespace Linkage.Application.Webhooks.RetryWebhookDelivery;

public sealed class RetryWebhookDeliveryValidator : AbstractValidator<RetryWebhookDelivery>
{
    public RetryWebhookDeliveryValidator() => RuleFor(c => c.IdempotencyKey).IdempotencyKey();
}
