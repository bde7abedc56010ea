namespace Linkage.Application.Links;

/// <summary>
/// A contact has at most one live primary link (API.md 2.2, ADR 0007). Making a link primary takes the
/// contact's primary slot, then demotes the link that holds primary now; both changes are saved by the unit of
/// work like any other, version-checked, each with its own <c>link.updated</c> actions. The database checks the
/// invariant itself, at commit (a deferred exclusion constraint), whatever order the save writes them in.
/// </summary>
public sealed class PrimaryLinks(ILinkageDbContext db, IRowLocks locks)
{
    /// <summary>Demotes the contact's primary link, unless it is <paramref name="claimantId"/>. Call before making the claimant primary.</summary>
    public async Task FreeSlotAsync(Guid contactId, Guid? claimantId, ChangeStamp stamp, CancellationToken cancellationToken)
    {
        await locks.HoldPrimarySlotAsync(contactId, cancellationToken);
        var current = await db.NetworkLinks
            .Where(l => l.ChildId == contactId && l.IsPrimary && l.Id != claimantId)
            .FirstOrDefaultAsync(cancellationToken);
        current?.Demote(stamp);
    }
}
