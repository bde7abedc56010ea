using System.Text.Json.Serialization;

namespace Linkage.Application.TypedLinks;

/// <summary>
/// A link as a document (API.md 6, seed 004): its relationship type, its ends, its own label and field values.
/// Restricted fields are masked unless shown on request to a caller who may reveal them.
/// </summary>
public sealed record TypedLinkView(
    Guid Id,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? CompositeId,
    string? RelationshipTypeName,
    int? RelationshipTypeVersion,
    string? RelationshipTypeLabel,
    string? DisplayLabel,
    string FromObjectTypeName,
    Guid FromObjectId,
    string ToObjectTypeName,
    Guid ToObjectId,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? FromObjectDisplayLabel,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? ToObjectDisplayLabel,
    IReadOnlyDictionary<string, object?> FieldValues,
    IReadOnlyDictionary<string, RestrictedField> RestrictedFields,
    DateTime CreatedAt,
    DateTime LastUpdatedAt,
    int Version)
{
    public string Etag => EntityTagCondition.Format(Version);
}

/// <summary>What a typed link's patched document may change: its display label and field values.</summary>
public sealed record TypedLinkInput(string? DisplayLabel, IReadOnlyDictionary<string, JsonElement>? FieldValues);

public sealed class TypedLinkInputValidator : AbstractValidator<TypedLinkInput>
{
    public TypedLinkInputValidator() =>
        RuleFor(l => l.DisplayLabel).Cascade(CascadeMode.Stop).Must(l => l is null || (l.Length is > 0 and <= TypedLink.MaxDisplayLabelLength))
            .WithMessage($"A display label is 1 to {TypedLink.MaxDisplayLabelLength} characters, or null.")
            .SingleLine();
}
