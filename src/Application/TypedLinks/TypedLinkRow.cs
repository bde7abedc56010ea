namespace Linkage.Application.TypedLinks;

/// <summary>
/// What one query reads of a link as a document: the link, its relationship type, and (on request) its ends' labels. A
/// network link reads as an untyped one (<see cref="Typed"/> false): it has no label or field values of its own.
/// </summary>
public sealed record TypedLinkRow(
    bool Typed,
    Guid Id,
    string ParentDomain,
    Guid ParentId,
    string ChildDomain,
    Guid ChildId,
    string? RelationshipType,
    string? DisplayLabel,
    IReadOnlyDictionary<string, object?> FieldValues,
    DateTime CreatedUtc,
    DateTime UpdatedUtc,
    int Version,
    TypeRow? Type,
    EndLabels? Labels)
{
    /// <summary>
    /// The projection, with each end's label read in the same statement when <paramref name="withLabels"/>: correlated
    /// subqueries, not a query per link (API.md 6: <c>includeEntityLabels</c>, no N+1).
    /// </summary>
    public static Expression<Func<TypedLink, TypedLinkRow>> Projection(ILinkageDbContext db, bool withLabels) => l => new TypedLinkRow(
        true, l.Id, l.ParentDomain, l.ParentId, l.ChildDomain, l.ChildId, l.RelationshipType, l.DisplayLabel, l.FieldValues,
        l.CreatedUtc, l.UpdatedUtc, l.Version,
        db.RelationshipTypes.Where(t => t.Id == l.RelationshipTypeId).Select(t => new TypeRow(t.Version, t.Label, t.Fields)).FirstOrDefault(),
        withLabels
            ? new EndLabels(
                db.Companies.Where(c => c.Id == l.ParentId).Select(c => c.Name).FirstOrDefault(),
                db.Records.Where(r => r.Id == l.ParentId).Select(r => r.Fields).FirstOrDefault(),
                db.Domains.Where(d => d.Name == l.ParentDomain).Select(d => d.Fields).FirstOrDefault(),
                db.Contacts.Where(c => c.Id == l.ChildId).Select(c => c.FullName).FirstOrDefault(),
                db.Files.Where(f => f.Id == l.ChildId).Select(f => f.Name).FirstOrDefault())
            : null);

    /// <summary>A company's network link as a document (an upsert's <c>Location</c> names it so, API.md 5.4): untyped, unlabelled.</summary>
    public static Expression<Func<NetworkLink, TypedLinkRow>> NetworkProjection(ILinkageDbContext db, bool withLabels) => l => new TypedLinkRow(
        false, l.Id, l.ParentDomain, l.ParentId, l.ChildDomain, l.ChildId, null, null, new Dictionary<string, object?>(),
        l.CreatedUtc, l.UpdatedUtc, l.Version,
        null,
        withLabels
            ? new EndLabels(
                db.Companies.Where(c => c.Id == l.ParentId).Select(c => c.Name).FirstOrDefault(),
                null,
                null,
                db.Contacts.Where(c => c.Id == l.ChildId).Select(c => c.FullName).FirstOrDefault(),
                null)
            : null);
}

public sealed record TypeRow(int Version, string Label, IReadOnlyList<FieldDefinition> Fields);

/// <summary>
/// What the ends' labels are made of: a company's name, or a record's first text field that is not restricted (a label is
/// shown to every reader); a contact's full name or a file's name.
/// </summary>
public sealed record EndLabels(
    string? CompanyName,
    IReadOnlyDictionary<string, object?>? RecordFields,
    IReadOnlyList<FieldDefinition>? RecordDefinition,
    string? ContactName,
    string? FileName)
{
    public string? Parent => CompanyName
        ?? (RecordDefinition?.FirstOrDefault(f => f.Type == FieldType.Text && !f.Restricted) is { } first ? RecordFields?.GetValueOrDefault(first.Name) as string : null);

    public string? Child => ContactName ?? FileName;
}
