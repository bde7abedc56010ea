namespace Linkage.Application.Webhooks.CreateWebhook;

public sealed class CreateWebhookValidator : AbstractValidator<CreateWebhook>
{
    public CreateWebhookValidator()
    {
        RuleFor(w => w.Url).WebhookUrl();
        RuleFor(w => w.Types).WebhookTypes();
        RuleFor(w => w.Description).WebhookDescription();
        RuleFor(w => w.IdempotencyKey).IdempotencyKey();
    }
}
