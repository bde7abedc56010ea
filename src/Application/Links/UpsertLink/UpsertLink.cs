namespace Linkage.Application.Links.UpsertLink;

/// <summary>
/// Links a child (a contact or a file) to a parent record, or updates the link that already joins them
/// (API.md 5.4). Each side is named by id, or by a key and a match field; the id wins when both are given.
/// <c>relationship</c> and <c>newRelationship</c> type a contact's link, as the contract's table says; a file's
/// link ignores them. Never two live links of one pair: upserts of a parent queue up (ADR 12).
/// </summary>
public sealed record UpsertLink(
    string? ParentDomain,
    string? ParentRecordId,
    JsonElement? ParentRecordKey,
    string? ParentRecordMatchField,
    string? ChildDomain,
    string? ChildRecordId,
    JsonElement? ChildRecordKey,
    string? ChildRecordMatchField,
    string? Relationship,
    string? NewRelationship)
    : IdempotentCreate<UpsertLink>, IIdempotentCommand<UpsertedLink>, IAuthorizedRequest
{
    /// <summary>The attach rule (API.md 5.3), on the parent's domain as the request names it.</summary>
    IReadOnlyList<Permission> IAuthorizedRequest.RequiredPermissions =>
        [new Permission(ParentDomain ?? string.Empty, LinkSides.IsFile(ChildDomain) ? "AttachFiles" : "AttachContacts")];

    [System.Text.Json.Serialization.JsonIgnore]
    public LinkSide Parent => new("parent", ParentDomain!, ParentRecordId, ParentRecordKey, ParentRecordMatchField);

    [System.Text.Json.Serialization.JsonIgnore]
    public LinkSide Child => new("child", ChildDomain!, ChildRecordId, ChildRecordKey, ChildRecordMatchField);
}

/// <summary>The answer of an upsert (API.md 5.4); <see cref="Inserted"/> says whether it made the link (201) or found it (200).</summary>
public sealed record UpsertedLink(Guid LinkId, bool Inserted, Guid ParentId, Guid ChildId, Guid? RelationshipId, string? Relationship, int Version)
{
    public string Etag => EntityTagCondition.Format(Version);

    public static UpsertedLink Of(Link link, bool inserted) =>
        new(link.Id, inserted, link.ParentId, link.ChildId, link.RelationshipTypeId, link.RelationshipType, link.Version);
}

public sealed class UpsertLinkHandler(ILinkageDbContext db, ChangeContext changes, LinkSides sides, IRecordLocks locks)
    : IRequestHandler<UpsertLink, IdempotentResult<UpsertedLink>>
{
    public async Task<IdempotentResult<UpsertedLink>> Handle(UpsertLink request, CancellationToken cancellationToken)
    {
        var parent = await sides.FindParentAsync(request.Parent, cancellationToken);
        var child = await sides.FindChildAsync(request.Child, cancellationToken);

        // The parent exclusively among linkers, then the child shared: both live until the transaction ends.
        if (!await locks.HoldLiveForLinkingAsync(parent, cancellationToken))
        {
            throw new NotFoundException("The parent record was not found.");
        }

        if (!await locks.HoldLiveAsync(child, cancellationToken))
        {
            throw new NotFoundException("The child record was not found.");
        }

        var (relationship, newRelationship) = child.Domain == BuiltInDomain.Contact
            ? (await sides.RelationshipAsync(request.Relationship, parent, "relationship", cancellationToken),
               await sides.RelationshipAsync(request.NewRelationship, parent, "newRelationship", cancellationToken))
            : (null, null);

        var stamp = changes.Stamp();
        var existing = await db.Links.FirstOrDefaultAsync(l => l.ParentId == parent.Id && l.ChildId == child.Id, cancellationToken);
        if (existing is null)
        {
            var link = Link.Create(changes.TenantId, parent, child, newRelationship ?? relationship, stamp);
            db.Links.Add(link);
            return UpsertedLink.Of(link, inserted: true);
        }

        if (relationship is not null && newRelationship is not null && existing.RelationshipTypeId != relationship.Id)
        {
            throw new ConflictException(
                $"The link's relationship is {(existing.RelationshipType is { } current ? $"'{current}'" : "none")}, not '{relationship.Name}'.", existing.Id);
        }

        if (newRelationship is not null || relationship is not null)
        {
            existing.Relate(newRelationship ?? relationship, stamp);
        }

        return UpsertedLink.Of(existing, inserted: false);
    }
}
