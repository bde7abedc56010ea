namespace Linkage.Application.Links.CreateLink;

/// <summary>
/// Links a contact to a company (API.md 2.2). One live link per pair: a second one is refused by the
/// store's unique index and answers 409 naming the existing link. <c>isPrimary: true</c> takes primary
/// from the contact's current primary link.
/// </summary>
public sealed record CreateLink(string? ContactId, string? CompanyId, string? JobTitle, bool? IsPrimary)
    : IdempotentCreate<CreateLink>, IIdempotentCommand<LinkView>, IAuthorizedRequest
{
    RequiredRights IAuthorizedRequest.Rights => NetworkLinkResource.Description.Rights.Edit.ForRequest(null);
}

public sealed class CreateLinkHandler(ILinkageDbContext db, ChangeContext changes, PrimaryLinks primaryLinks, IRowLocks locks)
    : IRequestHandler<CreateLink, IdempotentResult<LinkView>>
{
    public async Task<IdempotentResult<LinkView>> Handle(CreateLink request, CancellationToken cancellationToken)
    {
        // Ids are opaque to callers: one that is not ours is simply not found. Both ends are held until the
        // transaction ends, so neither can be deleted (and miss this link in its cascade) meanwhile (ADR 0010); the
        // company exclusively among those linking to it, as an upsert holds its parent (ADR 0012).
        var companyId = Guid.TryParse(request.CompanyId, out var o) && await locks.HoldLiveForLinkingAsync(LinkEnd.Company(o), cancellationToken)
            ? o
            : throw new NotFoundException("No such company.");
        var contactId = Guid.TryParse(request.ContactId, out var c) && await locks.HoldLiveAsync(LinkEnd.Contact(c), cancellationToken)
            ? c
            : throw new NotFoundException("No such contact.");

        var stamp = changes.Stamp();
        var isPrimary = request.IsPrimary ?? false;
        if (isPrimary)
        {
            await primaryLinks.FreeSlotAsync(contactId, claimantId: null, stamp, cancellationToken);
        }

        var link = NetworkLink.Create(changes.TenantId, contactId, companyId, request.JobTitle, isPrimary, stamp);
        db.NetworkLinks.Add(link);
        return NetworkLinkResource.Description.ViewOf(link);
    }
}
