using System.Text.RegularExpressions;

namespace Linkage.Domain.Definitions;

/// <summary>What a relationship type says besides its name and ends: its label and the fields its links carry.</summary>
public sealed record RelationshipDetails(string Label, IReadOnlyList<FieldDefinition> Fields);

/// <summary>
/// A kind of link from records of one domain to contacts (API.md 5.2, 6): <c>adjuster</c> from <c>Claim</c> to
/// <c>Contact</c>. Its name is unique per tenant; each change of its field definitions moves its version, which
/// typed links show as <c>relationshipTypeVersion</c>.
/// </summary>
public sealed partial class RelationshipType : VersionedResource<RelationshipDetails>, IDefinition
{
    private RelationshipType()
    {
    }

    private RelationshipType(string tenantId, string name, string fromDomain, string toDomain, RelationshipDetails details, ChangeStamp stamp)
        : base(Guid.CreateVersion7(stamp.At), tenantId, details, stamp)
    {
        Name = name;
        NameKey = name.ToLowerInvariant();
        FromDomain = fromDomain;
        ToDomain = toDomain;
    }

    public string Name { get; private set; } = string.Empty;

    /// <summary>The name in lower case (names are lower case already: kept so every definition is found the same way).</summary>
    public string NameKey { get; private set; } = string.Empty;

    public string Label { get; private set; } = string.Empty;

    /// <summary>The parent's domain, as defined (<c>Claim</c>, <c>Company</c>).</summary>
    public string FromDomain { get; private set; } = string.Empty;

    /// <summary>The child's domain (<c>Contact</c>).</summary>
    public string ToDomain { get; private set; } = string.Empty;

    public IReadOnlyList<FieldDefinition> Fields { get; private set; } = [];

    protected override string Subject => SubjectType.RelationshipType;

    [GeneratedRegex(@"^[a-z][a-z0-9_]{0,63}\z")]
    private static partial Regex ValidName();

    public static bool IsValidName(string? name) => name is { Length: > 0 and <= DomainDefinition.MaxNameLength } && ValidName().IsMatch(name);

    public static RelationshipType Create(string tenantId, string name, string fromDomain, string toDomain, RelationshipDetails details, ChangeStamp stamp)
    {
        if (!IsValidName(name))
        {
            throw new InvalidValueException("name", "A relationship type's name matches ^[a-z][a-z0-9_]{0,63}$.");
        }

        var type = new RelationshipType(tenantId, name, fromDomain, toDomain, details, stamp);
        type.RecordCreated(stamp);
        return type;
    }

    protected override RelationshipDetails Checked(RelationshipDetails details) =>
        details with { Label = DomainDefinition.CheckedLabel(details.Label), Fields = FieldSet.Checked(details.Fields) };

    protected override void Compare(RelationshipDetails next, ChangeSet changes)
    {
        changes.Track("label", Label, next.Label);
        changes.Track("fields", Fields, next.Fields);
    }

    protected override void Apply(RelationshipDetails details)
    {
        Label = details.Label;
        Fields = details.Fields;
    }
}
