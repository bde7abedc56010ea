namespace Linkage.Application.Records;

/// <summary>
/// A record of a custom domain as the API shows it (API.md 5.1): <c>{id, domain, fields, restrictedFields, ...}</c>. Read
/// from the store with every value; <see cref="MaskedBy"/> makes what one caller sees of it.
/// </summary>
public sealed record RecordView(string Domain, IReadOnlyDictionary<string, object?> Fields) : ResourceView
{
    /// <summary>The restricted fields this caller does not see (API.md 5.1, as a typed link's of section 6).</summary>
    public IReadOnlyDictionary<string, RestrictedField> RestrictedFields { get; init; } = new Dictionary<string, RestrictedField>();

    /// <summary>The record as a caller sees it through <paramref name="mask"/>.</summary>
    public RecordView MaskedBy(FieldMask mask) => this with { Fields = mask.Values(Fields), RestrictedFields = mask.RestrictedFields };
}

/// <summary>The body of a record's create, and what its patched document must be: <c>{fields: {...}}</c>.</summary>
public sealed record RecordInput(IReadOnlyDictionary<string, JsonElement>? Fields);
