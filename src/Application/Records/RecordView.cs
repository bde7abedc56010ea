namespace Linkage.Application.Records;

/// <summary>
/// A record of a custom domain as the API shows it (API.md 5.1): <c>{id, domain, fields, restrictedFields, ...}</c>. Read
/// from the store with every value; <see cref="MaskedBy"/> makes what one caller sees of it.
/// </summary>
public sealed record RecordView(string Domain, IReadOnlyDictionary<string, object?> Fields)
    : ResourceView, IResourceView<DomainRecord, RecordView>
{
    /// <summary>The restricted fields this caller does not see (API.md 5.1, as a typed link's of section 6).</summary>
    public IReadOnlyDictionary<string, RestrictedField> RestrictedFields { get; init; } = new Dictionary<string, RestrictedField>();

    /// <summary>Only <c>fields</c> is writable: a patch is over <c>{fields}</c> (API.md 5.1).</summary>
    public static ResourceShape Shape { get; } = ResourceShape.Of<RecordView>("record", typeof(RecordInput));

    public static Expression<Func<DomainRecord, RecordView>> Projection => ViewProjection<DomainRecord, RecordView>.ByName;

    /// <summary>A record's rights are on its domain, which the route names (<c>Claim:Read</c>).</summary>
    public static string? PermissionDomain => null;

    public static Expression<Func<DomainRecord, bool>> Filter(string? domain)
    {
        var key = domain?.ToLowerInvariant();
        return r => r.Domain.ToLower() == key;
    }

    public static bool Holds(DomainRecord record, string? domain) => string.Equals(record.Domain, domain, StringComparison.OrdinalIgnoreCase);

    public static RecordView From(DomainRecord record) => CompiledProjection<DomainRecord, RecordView>.Of(record);

    /// <summary>The record as a caller sees it through <paramref name="mask"/>.</summary>
    public RecordView MaskedBy(FieldMask mask) => this with { Fields = mask.Values(Fields), RestrictedFields = mask.RestrictedFields };
}

/// <summary>The body of a record's create, and what its patched document must be: <c>{fields: {...}}</c>.</summary>
public sealed record RecordInput(IReadOnlyDictionary<string, JsonElement>? Fields);
