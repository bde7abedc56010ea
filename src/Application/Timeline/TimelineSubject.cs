namespace Linkage.Application.Timeline;

/// <summary>
/// The contact or company a request names in its route, whose timeline, notes or links it reads or adds to.
/// The sets are tenant-filtered, so another tenant's record is simply not there.
/// </summary>
public sealed record TimelineSubject(string Type, Guid Id)
{
    public static TimelineSubject Contact(Guid id) => new(SubjectType.Contact, id);

    public static TimelineSubject Company(Guid id) => new(SubjectType.Company, id);

    /// <summary>The permission domain of the subject (<c>Contact</c> or <c>Company</c>).</summary>
    public string Domain => Type == SubjectType.Company ? "Company" : "Contact";

    /// <summary>Whether the subject is a live record of the caller's tenant.</summary>
    public Task<bool> ExistsAsync(ILinkageDbContext db, CancellationToken cancellationToken) =>
        Type == SubjectType.Company
            ? db.Companies.AnyAsync(c => c.Id == Id, cancellationToken)
            : db.Contacts.AnyAsync(c => c.Id == Id, cancellationToken);

    /// <summary>404 unless the subject is a live record of the caller's tenant.</summary>
    public async Task EnsureExistsAsync(ILinkageDbContext db, CancellationToken cancellationToken)
    {
        if (!await ExistsAsync(db, cancellationToken))
        {
            throw new NotFoundException($"No such {Type}.");
        }
    }
}
