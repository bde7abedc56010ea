namespace Linkage.Application.Links.CreateLink;

public sealed class CreateLinkValidator : AbstractValidator<CreateLink>
{
    public CreateLinkValidator()
    {
        RuleFor(l => l.ContactId).NotEmpty().WithMessage("A link needs a contactId.").MaximumLength(100);
        RuleFor(l => l.CompanyId).NotEmpty().WithMessage("A link needs a companyId.").MaximumLength(100);
        RuleFor(l => l.JobTitle).JobTitle();
        RuleFor(l => l.IdempotencyKey).IdempotencyKey();
    }
}
