namespace Linkage.Application.Links;

/// <summary>
/// Keeps links and the deletion of the records they join apart under concurrency (ADR 0010). A link is created
/// only while holding its contact and company (a lock until the transaction ends); a delete first locks the
/// record against those holders. So a delete either waits for a link being created, then sees and cascades it,
/// or goes first, and the create, waiting for it, finds the record deleted (404). Never a live link to a
/// deleted record.
/// </summary>
public interface ILinkEnds
{
    /// <summary>True when the contact is live; held (<c>FOR KEY SHARE</c>) until the transaction ends.</summary>
    Task<bool> HoldLiveContactAsync(Guid contactId, CancellationToken cancellationToken);

    /// <summary>True when the company is live; held (<c>FOR KEY SHARE</c>) until the transaction ends.</summary>
    Task<bool> HoldLiveCompanyAsync(Guid companyId, CancellationToken cancellationToken);

    /// <summary>Locks the contact (<c>FOR UPDATE</c>), waiting for links being created to it. Call before cascading.</summary>
    Task LockContactForDeleteAsync(Guid contactId, CancellationToken cancellationToken);

    /// <summary>Locks the company (<c>FOR UPDATE</c>), waiting for links being created to it. Call before cascading.</summary>
    Task LockCompanyForDeleteAsync(Guid companyId, CancellationToken cancellationToken);
}
