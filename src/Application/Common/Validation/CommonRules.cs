using System.Text.RegularExpressions;

namespace Linkage.Application.Common.Validation;

/// <summary>Validation rules shared by contacts, companies and their patches (API.md 2.1).</summary>
public static partial class CommonRules
{
    public const int MaxListItems = 20;
    public const int MaxNameLength = 200;

    public const int MaxCustomFieldKeyLength = 64;

    [GeneratedRegex(@"^[A-Za-z][A-Za-z0-9_]{0,63}\z")]
    private static partial Regex CustomFieldKey();

    /// <summary>A custom field's key (API.md 2.1): its length first, then its pattern.</summary>
    public static bool IsCustomFieldKey(string key) => key.Length is > 0 and <= MaxCustomFieldKeyLength && CustomFieldKey().IsMatch(key);

    /// <summary>An email address is at most this long, as every contact point value is.</summary>
    public const int MaxContactPointLength = 500;

    /// <summary>At most <see cref="MaxListItems"/> items, each a valid contact point; the items of a longer list are not looked at.</summary>
    public static void ContactPointList<T>(
        this AbstractValidator<T> validator,
        System.Linq.Expressions.Expression<Func<T, IEnumerable<ContactPointInput>?>> list,
        bool emails = false)
    {
        var items = list.Compile();
        validator.RuleFor(list).Must(l => l is null || l.Count() <= MaxListItems).WithMessage($"At most {MaxListItems} items.");
        validator.RuleForEach(list!).NotNull().WithMessage("An item cannot be null.").SetValidator(new ContactPointValidator(emails))
            .When(x => items(x) is not { } l || l.Count() <= MaxListItems);
    }

    /// <summary>
    /// <c>local@domain.tld</c> after trimming: one <c>@</c> with text before it, a dot inside the domain, no white space
    /// or control character, at most <see cref="MaxContactPointLength"/> characters. One pass over the text: the pattern
    /// this replaces (<c>^[^@\s]+@[^@\s]+\.[^@\s]+$</c>) backtracked quadratically on <c>a@.....@</c> (issue 23).
    /// </summary>
    public static bool IsEmailAddress(string? value)
    {
        var text = value.AsSpan().Trim();
        if (text.Length is 0 or > MaxContactPointLength)
        {
            return false;
        }

        var at = text.IndexOf('@');
        if (at <= 0 || text.Length - at < 4)
        {
            return false;
        }

        foreach (var c in text)
        {
            if (char.IsWhiteSpace(c) || char.IsControl(c))
            {
                return false;
            }
        }

        var domain = text[(at + 1)..];
        return !domain.Contains('@') && domain[1..^1].Contains('.');
    }

    /// <summary>At most <see cref="CustomFieldValues.MaxKeys"/> keys; only then are the keys and values looked at, one by one.</summary>
    public static IRuleBuilderOptions<T, IReadOnlyDictionary<string, JsonElement>?> CustomFields<T>(
        this IRuleBuilderInitial<T, IReadOnlyDictionary<string, JsonElement>?> rule)
    {
        return rule.Cascade(CascadeMode.Stop)
            .Must(f => f is null || f.Count <= CustomFieldValues.MaxKeys)
            .WithMessage($"At most {CustomFieldValues.MaxKeys} custom fields.")
            .Must(f => f is null || f.Keys.All(IsCustomFieldKey))
            .WithMessage("Custom field keys match ^[A-Za-z][A-Za-z0-9_]{0,63}$.")
            .Must(f => f is null || f.Values.All(CustomFieldValues.IsAllowed))
            .WithMessage($"Custom field values are strings of at most {CustomFieldValues.MaxStringLength} characters, numbers, booleans or null.");
    }

    /// <summary>A name, a label, a key: one line of text, without control characters (API.md 1.1).</summary>
    public static IRuleBuilderOptions<T, string?> SingleLine<T>(this IRuleBuilder<T, string?> rule) =>
        rule.Must(SingleLineText.Holds).WithMessage(SingleLineText.Rule);

    /// <summary>An Idempotency-Key is 1..255 printable ASCII characters (API.md 1.5).</summary>
    public static IRuleBuilderOptions<T, string?> IdempotencyKey<T>(this IRuleBuilder<T, string?> rule) =>
        rule.Must(k => k is null || (k.Length is >= 1 and <= 255 && k.All(ch => ch is >= (char)0x20 and <= (char)0x7E)))
            .WithMessage("An Idempotency-Key is 1 to 255 printable ASCII characters.")
            .OverridePropertyName("Idempotency-Key");
}
