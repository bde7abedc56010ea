namespace Linkage.Application.Contacts.CreateContact;

public sealed class CreateContactValidator : AbstractValidator<CreateContact>
{
    public CreateContactValidator()
    {
        RuleFor(c => c.FirstName).Cascade(CascadeMode.Stop).MaximumLength(CommonRules.MaxNameLength).SingleLine();
        RuleFor(c => c.LastName).Cascade(CascadeMode.Stop).MaximumLength(CommonRules.MaxNameLength).SingleLine();
        RuleFor(c => c.FirstName)
            .Must((c, _) => !string.IsNullOrWhiteSpace(c.FirstName) || !string.IsNullOrWhiteSpace(c.LastName))
            .WithMessage("A contact needs a first name or a last name.");
        RuleFor(c => c.Description).MaximumLength(10_000);
        this.ContactPointList(c => c.Emails, emails: true);
        this.ContactPointList(c => c.Phones);
        RuleFor(c => c.CustomFields).CustomFields();
        RuleFor(c => c.IdempotencyKey).IdempotencyKey();
    }
}
