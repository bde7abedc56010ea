namespace Linkage.Application.Links.UpsertLink;

/// <summary>
/// Links a child (a contact or a file) to a parent record, or updates the link that already joins them
/// (API.md 5.4). Each side is named by id, or by a key and a match field; the id wins when both are given.
/// <c>relationship</c> and <c>newRelationship</c> type a contact's link, as the contract's table says; a file's
/// link ignores them. Never two live links of one pair: upserts of a parent queue up (ADR 12). A company's link to a
/// contact is its network link (API.md 2.2), which has no relationship type (ADR 26).
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
    RequiredRights IAuthorizedRequest.Rights => RequiredRights.OneOf(Attach.Child(ParentDomain ?? string.Empty, ChildDomain));

    [System.Text.Json.Serialization.JsonIgnore]
    public LinkSide Parent => new("parent", ParentDomain!, ParentRecordId, ParentRecordKey, ParentRecordMatchField);

    [System.Text.Json.Serialization.JsonIgnore]
    public LinkSide Child => new("child", ChildDomain!, ChildRecordId, ChildRecordKey, ChildRecordMatchField);
}

/// <summary>The answer of an upsert (API.md 5.4); <see cref="Inserted"/> says whether it made the link (201) or found it (200).</summary>
public sealed record UpsertedLink(Guid LinkId, bool Inserted, Guid ParentId, Guid ChildId, Guid? RelationshipId, string? Relationship, int Version)
{
    public string Etag => EntityTagCondition.Format(Version);

    public static UpsertedLink Of(Link link, bool inserted) => link switch
    {
        TypedLink typed => new(link.Id, inserted, link.ParentId, link.ChildId, typed.RelationshipTypeId, typed.RelationshipType, link.Version),
        _ => new(link.Id, inserted, link.ParentId, link.ChildId, null, null, link.Version),
    };
}

public sealed class UpsertLinkHandler(ILinkageDbContext db, ChangeContext changes, LinkSides sides, IRowLocks locks)
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
        return existing switch
        {
            null => Insert(parent, child, newRelationship ?? relationship, stamp),
            TypedLink typed => Update(typed, relationship, newRelationship, stamp),

            // A company's link to a contact: no relationship was named (UpsertLinkValidator), so it is found unchanged.
            _ => UpsertedLink.Of(existing, inserted: false),
        };
    }

    /// <summary>A company's link to a contact is the network link of the pair (ADR 26); every other link is a typed link.</summary>
    private UpsertedLink Insert(LinkEnd parent, LinkEnd child, RelationshipType? type, ChangeStamp stamp)
    {
        Link link = UpsertLinkValidator.IsNetworkPair(parent.Domain, child.Domain)
            ? NetworkLink.Create(changes.TenantId, child.Id, parent.Id, jobTitle: null, isPrimary: false, stamp)
            : TypedLink.Create(changes.TenantId, parent, child, type, stamp);
        db.Links.Add(link);
        return UpsertedLink.Of(link, inserted: true);
    }

    /// <summary>The contract's table (API.md 5.4): with both names the link must have the first; the last one given wins.</summary>
    private static UpsertedLink Update(TypedLink link, RelationshipType? relationship, RelationshipType? newRelationship, ChangeStamp stamp)
    {
        if (relationship is not null && newRelationship is not null && link.RelationshipTypeId != relationship.Id)
        {
            throw new ConflictException(
                $"The link's relationship is {(link.RelationshipType is { } current ? $"'{current}'" : "none")}, not '{relationship.Name}'.", link.Id);
        }

        if (newRelationship is not null || relationship is not null)
        {
            link.Relate(newRelationship ?? relationship, stamp);
        }

        return UpsertedLink.Of(link, inserted: false);
    }
}
