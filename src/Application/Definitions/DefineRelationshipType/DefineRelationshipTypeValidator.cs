namespace Linkage.Application.Definitions.DefineRelationshipType;

public sealed class DefineRelationshipTypeValidator : AbstractValidator<DefineRelationshipType>
{
    public DefineRelationshipTypeValidator()
    {
        RuleFor(t => t.Name).Must(RelationshipType.IsValidName).WithMessage("A relationship type's name matches ^[a-z][a-z0-9_]{0,63}$.");
        RuleFor(t => t.Label).Label();
        RuleFor(t => t.FromDomain).NotEmpty().MaximumLength(64);
        RuleFor(t => t.ToDomain).Must(d => string.Equals(d, BuiltInDomain.Contact, StringComparison.OrdinalIgnoreCase))
            .WithMessage("A relationship type links to contacts: toDomain is Contact (API.md 5.4).");
        this.Fields(t => t.Fields);
        RuleFor(t => t.IdempotencyKey).IdempotencyKey();
    }
}
