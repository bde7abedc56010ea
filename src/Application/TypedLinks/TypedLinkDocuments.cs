namespace Linkage.Application.TypedLinks;

/// <summary>
/// Reads typed links and shows them to the caller (API.md 6): a restricted field's value only on request
/// (<c>?reveal=true</c>) to a caller with <c>Reveal</c> on the link's parent domain; otherwise it is left out of
/// <c>fieldValues</c> and listed in <c>restrictedFields</c>, saying whether the caller could reveal it.
/// </summary>
public sealed class TypedLinkDocuments(ILinkageDbContext db, ICurrentUser user)
{
    /// <summary>The link the key names, as a document: a typed link, or by id a company's network link too.</summary>
    public async Task<TypedLinkRow?> FindAsync(LinkKey key, bool withLabels, CancellationToken cancellationToken) =>
        await db.TypedLinks.AsNoTracking().Where(key.OfTypedLinks()).Select(TypedLinkRow.Projection(db, withLabels)).FirstOrDefaultAsync(cancellationToken)
        ?? (key.Id is { } id
            ? await db.NetworkLinks.AsNoTracking().Where(l => l.Id == id).Select(TypedLinkRow.NetworkProjection(db, withLabels)).FirstOrDefaultAsync(cancellationToken)
            : null);

    /// <summary>The link the key names, readable by the caller: 404 when there is none, 403 without <c>Read</c> on its parent's domain.</summary>
    public async Task<TypedLinkRow> ReadableAsync(LinkKey key, bool withLabels, CancellationToken cancellationToken)
    {
        var row = await FindAsync(key, withLabels, cancellationToken) ?? throw new NotFoundException("No such link.");
        RequiredRights.OneOf(Permission.Read(row.ParentDomain)).Demand(user);
        return row;
    }

    public bool MayReveal(string parentDomain) => user.Has(Permission.Reveal(parentDomain));

    /// <summary>How the caller sees the values of a link of <paramref name="parentDomain"/> whose type defines <paramref name="fields"/>.</summary>
    public FieldMask MaskOf(string parentDomain, IEnumerable<FieldDefinition>? fields, bool reveal) =>
        FieldMask.For(fields, MayReveal(parentDomain), reveal);

    public TypedLinkView Show(TypedLinkRow row, bool reveal)
    {
        var mask = MaskOf(row.ParentDomain, row.Type?.Fields, reveal);
        return new TypedLinkView(
            row.Id,
            LinkKey.Format(row.RelationshipType, row.ParentDomain, row.ChildDomain, row.ParentId, row.ChildId),
            row.RelationshipType,
            row.Type?.Version,
            row.Type?.Label,
            row.DisplayLabel,
            row.ParentDomain,
            row.ParentId,
            row.ChildDomain,
            row.ChildId,
            row.Labels?.Parent,
            row.Labels?.Child,
            mask.Values(row.FieldValues),
            mask.RestrictedFields,
            row.CreatedUtc,
            row.UpdatedUtc,
            row.Version);
    }

    /// <summary>The row of a link loaded for a change, with its type and no labels.</summary>
    public static TypedLinkRow RowOf(TypedLink link, RelationshipType? type) => new(
        true,
        link.Id, link.ParentDomain, link.ParentId, link.ChildDomain, link.ChildId, link.RelationshipType, link.DisplayLabel,
        link.FieldValues, link.CreatedUtc, link.UpdatedUtc, link.Version,
        type is null ? null : new TypeRow(type.Version, type.Label, type.Fields), Labels: null);

    /// <summary>The relationship type of a link, as it is now.</summary>
    public Task<RelationshipType?> TypeOfAsync(TypedLink link, CancellationToken cancellationToken) =>
        link.RelationshipTypeId is { } id
            ? db.RelationshipTypes.AsNoTracking().FirstOrDefaultAsync(t => t.Id == id, cancellationToken)!
            : Task.FromResult<RelationshipType?>(null);
}
