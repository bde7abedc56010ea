using Linkage.Application.Links;
using Microsoft.EntityFrameworkCore;

namespace Linkage.Infrastructure.Persistence;

/// <summary>
/// Row locks on the records a link joins (ADR 0010). <c>FOR KEY SHARE</c> lets any number of creates (and the
/// primary slot's <c>FOR NO KEY UPDATE</c>, ADR 0007) hold a contact at once; only a delete's <c>FOR UPDATE</c>
/// conflicts with it. Under READ COMMITTED a holder that waited re-checks <c>deleted_utc</c> on the row as the
/// delete left it, so it finds a deleted record gone.
/// </summary>
internal sealed class LinkEnds(LinkageDbContext db) : ILinkEnds
{
    public async Task<bool> HoldLiveContactAsync(Guid contactId, CancellationToken cancellationToken) =>
        (await db.Database
            .SqlQuery<Guid>($"SELECT id AS \"Value\" FROM contacts WHERE tenant_id = {db.CurrentTenantId} AND id = {contactId} AND deleted_utc IS NULL FOR KEY SHARE")
            .ToListAsync(cancellationToken)).Count > 0;

    public async Task<bool> HoldLiveCompanyAsync(Guid companyId, CancellationToken cancellationToken) =>
        (await db.Database
            .SqlQuery<Guid>($"SELECT id AS \"Value\" FROM companies WHERE tenant_id = {db.CurrentTenantId} AND id = {companyId} AND deleted_utc IS NULL FOR KEY SHARE")
            .ToListAsync(cancellationToken)).Count > 0;

    public Task LockContactForDeleteAsync(Guid contactId, CancellationToken cancellationToken) =>
        db.Database
            .SqlQuery<Guid>($"SELECT id AS \"Value\" FROM contacts WHERE tenant_id = {db.CurrentTenantId} AND id = {contactId} FOR UPDATE")
            .ToListAsync(cancellationToken);

    public Task LockCompanyForDeleteAsync(Guid companyId, CancellationToken cancellationToken) =>
        db.Database
            .SqlQuery<Guid>($"SELECT id AS \"Value\" FROM companies WHERE tenant_id = {db.CurrentTenantId} AND id = {companyId} FOR UPDATE")
            .ToListAsync(cancellationToken);
}
