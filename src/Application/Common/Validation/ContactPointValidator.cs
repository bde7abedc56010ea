namespace Linkage.Application.Common.Validation;

public sealed class ContactPointValidator : AbstractValidator<ContactPointInput>
{
    public ContactPointValidator(bool email)
    {
        RuleFor(p => p.Value).NotEmpty().MaximumLength(500);
        RuleFor(p => p.Description).MaximumLength(200);
        if (email)
        {
            RuleFor(p => p.Value).Must(CommonRules.IsEmailAddress).When(p => !string.IsNullOrEmpty(p.Value))
                .WithMessage("'{PropertyValue}' is not an email address.");
        }
    }
}
