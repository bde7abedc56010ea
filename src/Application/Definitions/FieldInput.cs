namespace Linkage.Application.Definitions;

/// <summary>A field definition as a request gives it (API.md 5.1): <c>{name, type, required?, restricted?, targetDomain?}</c>.</summary>
public sealed record FieldInput(string? Name, string? Type, bool? Required, bool? Restricted, string? TargetDomain)
{
    /// <summary>The types by the names the contract gives them.</summary>
    public static IReadOnlyDictionary<string, FieldType> Types { get; } = Enum.GetValues<FieldType>()
        .ToDictionary(t => t.ToString().ToLowerInvariant(), StringComparer.Ordinal);

    public FieldDefinition ToDomain() =>
        new(Name!, Types[Type!], Required ?? false, Restricted ?? false, TargetDomain);

    public static IReadOnlyList<FieldDefinition> ToDomain(IReadOnlyList<FieldInput>? fields) =>
        fields?.Select(f => f.ToDomain()).ToList() ?? [];
}

/// <summary>The rules of a field definition's input; a list of them is checked as a whole by <see cref="FieldSet"/>.</summary>
public sealed class FieldInputValidator : AbstractValidator<FieldInput>
{
    public FieldInputValidator()
    {
        RuleFor(f => f.Name).Must(FieldDefinition.IsValidName).WithMessage("A field name matches ^[A-Za-z][A-Za-z0-9_]{0,63}$.");
        RuleFor(f => f.Type).Must(t => t is not null && FieldInput.Types.ContainsKey(t))
            .WithMessage($"type is one of {string.Join(", ", FieldInput.Types.Keys)}.");
        RuleFor(f => f.TargetDomain).NotEmpty().When(f => f.Type == "association")
            .WithMessage("An association names its targetDomain.");
        RuleFor(f => f.TargetDomain).Null().When(f => f.Type != "association")
            .WithMessage("Only an association has a targetDomain.");
    }
}

/// <summary>Rules shared by a domain's and a relationship type's definition.</summary>
public static class DefinitionRules
{
    public static IRuleBuilderOptions<T, string?> Label<T>(this IRuleBuilder<T, string?> rule) =>
        rule.Must(l => !string.IsNullOrWhiteSpace(l) && l.Length <= DomainDefinition.MaxLabelLength)
            .WithMessage($"A label is 1 to {DomainDefinition.MaxLabelLength} characters.")
            .SingleLine();

    public static void Fields<T>(this AbstractValidator<T> validator, Expression<Func<T, IEnumerable<FieldInput>?>> fields)
    {
        var items = fields.Compile();
        validator.RuleFor(fields).Cascade(CascadeMode.Stop)
            .Must(f => f is null || f.Count() <= FieldSet.MaxFields).WithMessage($"At most {FieldSet.MaxFields} fields.")
            .Must(f => f is null || f.Where(x => x?.Name is not null).GroupBy(x => x.Name!, StringComparer.OrdinalIgnoreCase).All(g => g.Count() == 1))
            .WithMessage("Each field name appears once, in any case.");
        validator.RuleForEach(fields!).NotNull().SetValidator(new FieldInputValidator())
            .When(x => items(x) is not { } f || f.Count() <= FieldSet.MaxFields);
    }
}
