using System.Text.RegularExpressions;

namespace Linkage.Application.Common.Validation;

/// <summary>Validation rules shared by contacts, companies and their patches (API.md 2.1).</summary>
public static partial class CommonRules
{
    public const int MaxListItems = 20;
    public const int MaxNameLength = 200;

    [GeneratedRegex("^[A-Za-z][A-Za-z0-9_]{0,63}$")]
    public static partial Regex CustomFieldKey();

    [GeneratedRegex(@"^[^@\s]+@[^@\s]+\.[^@\s]+$")]
    private static partial Regex EmailAddress();

    /// <summary>At most <see cref="MaxListItems"/> items, each a valid contact point.</summary>
    public static void ContactPointList<T>(
        this AbstractValidator<T> validator,
        System.Linq.Expressions.Expression<Func<T, IEnumerable<ContactPointInput>?>> list,
        bool emails = false)
    {
        validator.RuleFor(list).Must(l => l is null || l.Count() <= MaxListItems).WithMessage($"At most {MaxListItems} items.");
        validator.RuleForEach(list!).NotNull().WithMessage("An item cannot be null.").SetValidator(new ContactPointValidator(emails));
    }

    public static bool IsEmailAddress(string? value) => value is not null && EmailAddress().IsMatch(value.Trim());

    public static IRuleBuilderOptions<T, IReadOnlyDictionary<string, JsonElement>?> CustomFields<T>(
        this IRuleBuilder<T, IReadOnlyDictionary<string, JsonElement>?> rule)
    {
        return rule
            .Must(f => f is null || f.Count <= CustomFieldValues.MaxKeys)
            .WithMessage($"At most {CustomFieldValues.MaxKeys} custom fields.")
            .Must(f => f is null || f.Keys.All(k => CustomFieldKey().IsMatch(k)))
            .WithMessage("Custom field keys match ^[A-Za-z][A-Za-z0-9_]{0,63}$.")
            .Must(f => f is null || f.Values.All(CustomFieldValues.IsAllowed))
            .WithMessage($"Custom field values are strings of at most {CustomFieldValues.MaxStringLength} characters, numbers, booleans or null.");
    }

    /// <summary>An Idempotency-Key is 1..255 printable ASCII characters (API.md 1.5).</summary>
    public static IRuleBuilderOptions<T, string?> IdempotencyKey<T>(this IRuleBuilder<T, string?> rule) =>
        rule.Must(k => k is null || (k.Length is >= 1 and <= 255 && k.All(ch => ch is >= (char)0x20 and <= (char)0x7E)))
            .WithMessage("An Idempotency-Key is 1 to 255 printable ASCII characters.")
            .OverridePropertyName("Idempotency-Key");
}
