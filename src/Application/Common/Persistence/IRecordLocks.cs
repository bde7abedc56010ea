namespace Linkage.Application.Common.Persistence;

/// <summary>
/// Row locks on a contact or company, held until the transaction ends: how the store serializes writers that no
/// index can (ADR 0007, ADR 0010). Under READ COMMITTED a caller that waited for a lock sees, in its next
/// statement, what the holder committed.
/// </summary>
public interface IRecordLocks
{
    /// <summary>
    /// True when the contact is live; then it is held (<c>FOR KEY SHARE</c>) so it cannot be deleted, and miss a
    /// link being made to it in its cascade, until this transaction ends. Any number of holders may share it.
    /// </summary>
    Task<bool> HoldLiveContactAsync(Guid contactId, CancellationToken cancellationToken);

    /// <inheritdoc cref="HoldLiveContactAsync"/>
    Task<bool> HoldLiveCompanyAsync(Guid companyId, CancellationToken cancellationToken);

    /// <summary>Locks the contact for its delete (<c>FOR UPDATE</c>): waits for the links being made to it, so the cascade sees them.</summary>
    Task LockContactForDeleteAsync(Guid contactId, CancellationToken cancellationToken);

    /// <inheritdoc cref="LockContactForDeleteAsync"/>
    Task LockCompanyForDeleteAsync(Guid companyId, CancellationToken cancellationToken);

    /// <summary>
    /// Takes the contact's primary-link slot (<c>FOR NO KEY UPDATE</c>, which link holders share but which queues
    /// other claimants), so that concurrent moves of its primary link wait for each other instead of retrying.
    /// </summary>
    Task HoldPrimarySlotAsync(Guid contactId, CancellationToken cancellationToken);
}
