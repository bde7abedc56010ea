namespace Linkage.Application.Companies.CreateCompany;

public sealed class CreateCompanyValidator : AbstractValidator<CreateCompany>
{
    public CreateCompanyValidator()
    {
        RuleFor(c => c.Name).Cascade(CascadeMode.Stop).NotEmpty().MaximumLength(CommonRules.MaxNameLength)
            .Must(n => !string.IsNullOrWhiteSpace(n)).WithMessage("A company needs a name.").SingleLine();
        RuleFor(c => c.Department).Cascade(CascadeMode.Stop).MaximumLength(CommonRules.MaxNameLength).SingleLine();
        RuleFor(c => c.OrgNr).Cascade(CascadeMode.Stop).MaximumLength(50).SingleLine();
        RuleFor(c => c.Description).MaximumLength(10_000);
        this.ContactPointList(c => c.Emails, emails: true);
        this.ContactPointList(c => c.Phones);
        this.ContactPointList(c => c.Urls);
        RuleFor(c => c.Address).SetValidator(new AddressValidator()!);
        RuleFor(c => c.CustomFields).CustomFields();
        RuleFor(c => c.IdempotencyKey).IdempotencyKey();
    }
}
