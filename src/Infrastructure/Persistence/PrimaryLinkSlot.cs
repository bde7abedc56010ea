using Linkage.Application.Common.Exceptions;
using Linkage.Application.Links;
using Linkage.Domain.Common;
using Microsoft.EntityFrameworkCore;

namespace Linkage.Infrastructure.Persistence;

/// <summary>
/// The store side of moving a contact's primary link (ADR 0007). PostgreSQL checks a unique index row by
/// row and a partial unique index cannot be deferred, so the old primary must be written as demoted before
/// the new one is written as primary; and claims on one contact are serialized so that concurrent promotions
/// queue up instead of failing on the index and retrying over and over.
/// </summary>
internal sealed class PrimaryLinkSlot(LinkageDbContext db) : IPrimaryLinkSlot
{
    public async Task ClaimAsync(Guid contactId, Guid? claimantLinkId, ChangeStamp stamp, CancellationToken cancellationToken)
    {
        // The contact row is the slot's lock: held until this transaction ends. A waiting claimant's next
        // statement runs with a fresh snapshot (READ COMMITTED), so it reads the primary its predecessor set.
        await db.LockAsync(RowLocks.Contacts, contactId, RowLocks.ForNoKeyUpdate, liveOnly: false, cancellationToken);

        var current = await db.Links.AsNoTracking()
            .Where(l => l.ContactId == contactId && l.IsPrimary)
            .FirstOrDefaultAsync(cancellationToken);
        if (current is null || current.Id == claimantLinkId)
        {
            return;
        }

        var expectedVersion = current.Version;
        current.Demote(stamp);

        // Written now, ahead of the unit of work's save, and only if nobody changed the link since it was read.
        var written = await db.Links
            .Where(l => l.Id == current.Id && l.Version == expectedVersion)
            .ExecuteUpdateAsync(
                set => set
                    .SetProperty(l => l.IsPrimary, current.IsPrimary)
                    .SetProperty(l => l.Version, current.Version)
                    .SetProperty(l => l.UpdatedUtc, current.UpdatedUtc)
                    .SetProperty(l => l.ChangeType, current.ChangeType)
                    .SetProperty(l => l.ChangeOrigin, current.ChangeOrigin),
                cancellationToken);
        if (written == 0)
        {
            throw new RetryCommandException("The contact's primary link changed while it was being demoted.");
        }

        db.TimelineActions.AddRange(current.RecordedActions);
        current.ClearRecordedActions();
    }
}
