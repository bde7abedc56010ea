using Linkage.Domain.Links;

namespace Linkage.Application.Common.Persistence;

/// <summary>
/// Row locks on a record, held until the transaction ends: how the store serializes writers that no index can
/// (ADR 0007, ADR 0010, ADR 0012). Under READ COMMITTED a caller that waited for a lock sees, in its next
/// statement, what the holder committed.
/// </summary>
public interface IRowLocks
{
    /// <summary>
    /// True when the record is live (and, for a custom domain's record, of that domain); then it is held
    /// (<c>FOR KEY SHARE</c>) so it cannot be deleted, and miss a link being made to it in its cascade, until this
    /// transaction ends. Any number of holders may share it.
    /// </summary>
    Task<bool> HoldLiveAsync(LinkEnd record, CancellationToken cancellationToken);

    /// <summary>
    /// Like <see cref="HoldLiveAsync"/>, but exclusive among linkers (<c>FOR NO KEY UPDATE</c>): upserts of links of
    /// one parent queue up, so the second finds the link the first made instead of racing it.
    /// </summary>
    Task<bool> HoldLiveForLinkingAsync(LinkEnd parent, CancellationToken cancellationToken);

    /// <summary>Locks the record for its delete (<c>FOR UPDATE</c>): waits for the links being made to it, so the cascade sees them.</summary>
    Task LockForDeleteAsync(LinkEnd record, CancellationToken cancellationToken);

    /// <summary>
    /// Takes the contact's primary-link slot (<c>FOR NO KEY UPDATE</c>, which link holders share but which queues
    /// other claimants), so that concurrent moves of its primary link wait for each other instead of retrying.
    /// </summary>
    Task HoldPrimarySlotAsync(Guid contactId, CancellationToken cancellationToken);

    /// <summary>
    /// Holds a custom domain's definition as it is (<c>FOR SHARE</c>) while a record of it is written, so the
    /// definition cannot drop or retype a field the record is being given meanwhile (ADR 0012).
    /// </summary>
    Task ShareDefinitionAsync(Guid definitionId, CancellationToken cancellationToken);

    /// <summary>Locks a definition before its fields change (<c>FOR NO KEY UPDATE</c>): waits for the records being written against it.</summary>
    Task LockDefinitionAsync(Guid definitionId, CancellationToken cancellationToken);
}
