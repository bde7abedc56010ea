namespace Linkage.Application.Common.Validation;

public sealed class ContactPointValidator : AbstractValidator<ContactPointInput>
{
    public ContactPointValidator(bool email)
    {
        // Lengths before patterns: an address is read only once its length is known to be within bounds.
        var value = RuleFor(p => p.Value).Cascade(CascadeMode.Stop).NotEmpty().MaximumLength(CommonRules.MaxContactPointLength);
        if (email)
        {
            value.Must(CommonRules.IsEmailAddress).WithMessage("'{PropertyValue}' is not an email address.");
        }

        RuleFor(p => p.Description).MaximumLength(200);
    }
}
