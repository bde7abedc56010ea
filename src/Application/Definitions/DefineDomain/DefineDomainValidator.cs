namespace Linkage.Application.Definitions.DefineDomain;

public sealed class DefineDomainValidator : AbstractValidator<DefineDomain>
{
    public DefineDomainValidator()
    {
        RuleFor(d => d.Name).Must(DomainDefinition.IsValidName)
            .WithMessage("A domain name matches ^[A-Z][A-Za-z0-9]{0,63}$ and is not Contact, Company or File.");
        RuleFor(d => d.Label).Label();
        this.Fields(d => d.Fields);
        RuleFor(d => d.IdempotencyKey).IdempotencyKey();
    }
}
