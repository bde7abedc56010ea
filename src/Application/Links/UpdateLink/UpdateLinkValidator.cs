namespace Linkage.Application.Links.UpdateLink;

public sealed class UpdateLinkValidator : AbstractValidator<UpdateLink>
{
    public UpdateLinkValidator()
    {
        RuleFor(l => l.JobTitle)
            .Must(t => !t.IsSet || NetworkLink.IsValidJobTitle(t.Value))
            .WithMessage(LinkRules.JobTitleMessage)
            .OverridePropertyName("jobTitle");
    }
}
