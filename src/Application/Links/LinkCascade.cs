namespace Linkage.Application.Links;

/// <summary>
/// When a contact or company is deleted its live links go with it (a link to a deleted record would dangle),
/// each recorded as <c>link.deleted</c> on both timelines. They are loaded and deleted like any aggregate, so a
/// concurrent change of one of them makes the whole delete run again. The record is locked first, so links
/// being created to it commit before the cascade reads them, or see it deleted (ADR 0010).
/// </summary>
public sealed class LinkCascade(ILinkageDbContext db, IRecordLocks locks) : IDeleteCascade<Contact>, IDeleteCascade<Company>
{
    public async Task DeleteDependentsAsync(Contact deleted, ChangeStamp stamp, CancellationToken cancellationToken)
    {
        await locks.LockContactForDeleteAsync(deleted.Id, cancellationToken);
        DeleteAll(await db.Links.Where(l => l.ContactId == deleted.Id).ToListAsync(cancellationToken), stamp);
    }

    public async Task DeleteDependentsAsync(Company deleted, ChangeStamp stamp, CancellationToken cancellationToken)
    {
        await locks.LockCompanyForDeleteAsync(deleted.Id, cancellationToken);
        DeleteAll(await db.Links.Where(l => l.CompanyId == deleted.Id).ToListAsync(cancellationToken), stamp);
    }

    private static void DeleteAll(IEnumerable<Domain.Links.Link> links, ChangeStamp stamp)
    {
        foreach (var link in links)
        {
            link.Delete(stamp);
        }
    }
}
