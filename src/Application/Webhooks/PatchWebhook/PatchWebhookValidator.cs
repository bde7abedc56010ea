namespace Linkage.Application.Webhooks.PatchWebhook;

public sealed class PatchWebhookValidator : AbstractValidator<PatchWebhook>
{
    public PatchWebhookValidator()
    {
        When(p => p.Url.IsSet, () => RuleFor(p => p.Url.Value).WebhookUrl().OverridePropertyName("url"));
        When(p => p.Types.IsSet, () => RuleFor(p => p.Types.Value).WebhookTypes());
        When(p => p.Description.IsSet, () => RuleFor(p => p.Description.Value).WebhookDescription().OverridePropertyName("description"));
        When(p => p.Enabled.IsSet, () => RuleFor(p => p.Enabled.Value).NotNull().WithMessage("enabled is true or false.").OverridePropertyName("enabled"));
    }
}
