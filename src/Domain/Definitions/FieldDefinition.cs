using System.Globalization;
using System.Text.Json.Serialization;
using System.Text.RegularExpressions;

namespace Linkage.Domain.Definitions;

/// <summary>
/// The types a field of a custom domain or a relationship type can have (API.md 5.1), named as the contract spells
/// them wherever they are written as JSON (the API's answers, the stored definitions).
/// </summary>
public enum FieldType
{
    [JsonStringEnumMemberName("text")]
    Text,

    [JsonStringEnumMemberName("number")]
    Number,

    [JsonStringEnumMemberName("date")]
    Date,

    [JsonStringEnumMemberName("boolean")]
    Boolean,

    /// <summary>The id of a record of the domain the field's <see cref="FieldDefinition.TargetDomain"/> names.</summary>
    [JsonStringEnumMemberName("association")]
    Association,
}

/// <summary>
/// One field of a custom domain or a relationship type: its name (<c>^[A-Za-z][A-Za-z0-9_]{0,63}$</c>), type, and
/// whether a value is required, or restricted (shown only to those who may reveal it, API.md 6).
/// </summary>
public sealed partial record FieldDefinition(string Name, FieldType Type, bool Required = false, bool Restricted = false, string? TargetDomain = null)
{
    public const int MaxTextLength = 2000;

    [GeneratedRegex(@"^[A-Za-z][A-Za-z0-9_]{0,63}\z")]
    private static partial Regex ValidName();

    /// <summary>Text and number fields can be matched on (queries, link upsert); association fields cannot.</summary>
    [JsonIgnore]
    public bool IsMatchable => Type is FieldType.Text or FieldType.Number;

    public static bool IsValidName(string? name) => name is { Length: > 0 and <= DomainDefinition.MaxNameLength } && ValidName().IsMatch(name);

    /// <summary>The value as stored (text, a decimal, a date as <c>yyyy-MM-dd</c>, a boolean, an id), or a reason it does not fit.</summary>
    public bool TryRead(object? value, out object? stored, out string? reason)
    {
        stored = null;
        reason = null;
        switch (Type, value)
        {
            case (_, null):
                return true;
            case (FieldType.Text, string text) when text.Length <= MaxTextLength:
                stored = text;
                return true;
            case (FieldType.Number, decimal or int or long or double):
                stored = Convert.ToDecimal(value, CultureInfo.InvariantCulture);
                return true;
            case (FieldType.Date, string date) when DateOnly.TryParseExact(date, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _):
                stored = date;
                return true;
            case (FieldType.Boolean, bool flag):
                stored = flag;
                return true;
            case (FieldType.Association, string id) when Guid.TryParse(id, out var parsed):
                stored = parsed.ToString();
                return true;
            default:
                reason = Type switch
                {
                    FieldType.Text => $"'{Name}' is text of at most {MaxTextLength} characters.",
                    FieldType.Number => $"'{Name}' is a number.",
                    FieldType.Date => $"'{Name}' is a date, yyyy-MM-dd.",
                    FieldType.Boolean => $"'{Name}' is true or false.",
                    _ => $"'{Name}' is the id of a {TargetDomain} record.",
                };
                return false;
        }
    }
}
