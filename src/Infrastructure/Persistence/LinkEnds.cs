using Linkage.Application.Links;

namespace Linkage.Infrastructure.Persistence;

/// <summary>
/// Row locks on the records a link joins (ADR 0010). <c>FOR KEY SHARE</c> lets any number of creates (and the
/// primary slot's <c>FOR NO KEY UPDATE</c>, ADR 0007) hold a contact at once; only a delete's <c>FOR UPDATE</c>
/// conflicts with it. Under READ COMMITTED a holder that waited re-checks <c>deleted_utc</c> on the row as the
/// delete left it, so it finds a deleted record gone.
/// </summary>
internal sealed class LinkEnds(LinkageDbContext db) : ILinkEnds
{
    public Task<bool> HoldLiveContactAsync(Guid contactId, CancellationToken cancellationToken) =>
        db.LockAsync(RowLocks.Contacts, contactId, RowLocks.ForKeyShare, liveOnly: true, cancellationToken);

    public Task<bool> HoldLiveCompanyAsync(Guid companyId, CancellationToken cancellationToken) =>
        db.LockAsync(RowLocks.Companies, companyId, RowLocks.ForKeyShare, liveOnly: true, cancellationToken);

    public Task LockContactForDeleteAsync(Guid contactId, CancellationToken cancellationToken) =>
        db.LockAsync(RowLocks.Contacts, contactId, RowLocks.ForUpdate, liveOnly: false, cancellationToken);

    public Task LockCompanyForDeleteAsync(Guid companyId, CancellationToken cancellationToken) =>
        db.LockAsync(RowLocks.Companies, companyId, RowLocks.ForUpdate, liveOnly: false, cancellationToken);
}
