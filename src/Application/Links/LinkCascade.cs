namespace Linkage.Application.Links;

/// <summary>
/// When a record is deleted its live links go with it (a link to a deleted record would dangle), each recorded
/// as <c>link.deleted</c> on both timelines. They are loaded and deleted like any aggregate, so a concurrent
/// change of one of them makes the whole delete run again. The record is locked first, so links being made to
/// it commit before the cascade reads them, or see it deleted (ADR 0010).
/// </summary>
public sealed class LinkCascade(ILinkageDbContext db, IRowLocks locks)
    : IDeleteCascade<Contact>, IDeleteCascade<Company>, IDeleteCascade<DomainRecord>, IDeleteCascade<FileRecord>
{
    public Task DeleteDependentsAsync(Contact deleted, ChangeStamp stamp, CancellationToken cancellationToken) =>
        DeleteLinksOfAsync(LinkEnd.Contact(deleted.Id), stamp, cancellationToken);

    public Task DeleteDependentsAsync(Company deleted, ChangeStamp stamp, CancellationToken cancellationToken) =>
        DeleteLinksOfAsync(LinkEnd.Company(deleted.Id), stamp, cancellationToken);

    public Task DeleteDependentsAsync(DomainRecord deleted, ChangeStamp stamp, CancellationToken cancellationToken) =>
        DeleteLinksOfAsync(new LinkEnd(deleted.Domain, deleted.Id), stamp, cancellationToken);

    public Task DeleteDependentsAsync(FileRecord deleted, ChangeStamp stamp, CancellationToken cancellationToken) =>
        DeleteLinksOfAsync(LinkEnd.File(deleted.Id), stamp, cancellationToken);

    private async Task DeleteLinksOfAsync(LinkEnd record, ChangeStamp stamp, CancellationToken cancellationToken)
    {
        await locks.LockForDeleteAsync(record, cancellationToken);
        var links = await db.Links.Where(l => l.ParentId == record.Id || l.ChildId == record.Id).ToListAsync(cancellationToken);
        foreach (var link in links)
        {
            link.Delete(stamp);
        }
    }
}
