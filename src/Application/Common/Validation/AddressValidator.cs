namespace Linkage.Application.Common.Validation;

/// <summary>The rules of a postal address (API.md 2.1): bounded lengths and an ISO 3166-1 alpha-2 country code.</summary>
public sealed class AddressValidator : AbstractValidator<AddressInput>
{
    public AddressValidator()
    {
        RuleFor(a => a.Street).MaximumLength(200);
        RuleFor(a => a.PostalCode).MaximumLength(20);
        RuleFor(a => a.City).MaximumLength(100);
        RuleFor(a => a.CountryCode).Cascade(CascadeMode.Stop)
            .Length(2)
            .Must(c => c is null || CountryCodes.IsAssigned(c.ToUpperInvariant()))
            .WithMessage("'{PropertyValue}' is not an ISO 3166-1 alpha-2 country code.");
    }
}
