using System.Text.RegularExpressions;

namespace Linkage.Domain.Definitions;

/// <summary>What a custom domain's definition says besides its name: its label and its fields.</summary>
public sealed record DomainDetails(string Label, IReadOnlyList<FieldDefinition> Fields);

/// <summary>
/// A custom domain of a tenant (API.md 5.1): <c>Claim</c>, <c>Policy</c>... Its name is its permission domain,
/// unique per tenant in any case and never a built-in one; its fields say what its records hold.
/// </summary>
public sealed partial class DomainDefinition : VersionedResource<DomainDetails>, IDefinition
{
    public const int MaxLabelLength = 200;

    /// <summary>The longest name of a domain, a relationship type or a field; checked before any pattern.</summary>
    public const int MaxNameLength = 64;

    private DomainDefinition()
    {
    }

    private DomainDefinition(string tenantId, string name, DomainDetails details, ChangeStamp stamp)
        : base(Guid.CreateVersion7(stamp.At), tenantId, details, stamp)
    {
        Name = name;
        NameKey = name.ToLowerInvariant();
    }

    public string Name { get; private set; } = string.Empty;

    /// <summary>The name in lower case: what makes it unique per tenant in any case.</summary>
    public string NameKey { get; private set; } = string.Empty;

    public string Label { get; private set; } = string.Empty;

    public IReadOnlyList<FieldDefinition> Fields { get; private set; } = [];

    protected override string Subject => SubjectType.Domain;

    [GeneratedRegex(@"^[A-Z][A-Za-z0-9]{0,63}\z")]
    private static partial Regex ValidName();

    public static bool IsValidName(string? name) => name is { Length: > 0 and <= MaxNameLength } && ValidName().IsMatch(name) && BuiltInDomain.Find(name) is null;

    public static DomainDefinition Create(string tenantId, string name, DomainDetails details, ChangeStamp stamp)
    {
        if (!IsValidName(name))
        {
            throw new InvalidValueException("name", "A domain name matches ^[A-Z][A-Za-z0-9]{0,63}$ and is not Contact, Company or File.");
        }

        var domain = new DomainDefinition(tenantId, name, details, stamp);
        domain.RecordCreated(stamp);
        return domain;
    }

    protected override DomainDetails Checked(DomainDetails details) =>
        details with { Label = CheckedLabel(details.Label), Fields = FieldSet.Checked(details.Fields) };

    protected override void Compare(DomainDetails next, ChangeSet changes)
    {
        changes.Track("label", Label, next.Label);
        changes.Track("fields", Fields, next.Fields);
    }

    protected override void Apply(DomainDetails details)
    {
        Label = details.Label;
        Fields = details.Fields;
    }

    /// <summary>A definition's label (a domain's, a relationship type's) is 1 to <see cref="MaxLabelLength"/> characters.</summary>
    internal static string CheckedLabel(string label) =>
        string.IsNullOrWhiteSpace(label) || label.Length > MaxLabelLength
            ? throw new InvalidValueException("label", $"A label is 1 to {MaxLabelLength} characters.")
            : label;
}
