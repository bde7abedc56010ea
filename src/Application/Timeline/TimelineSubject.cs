namespace Linkage.Application.Timeline;

/// <summary>
/// The record a request names in its route, whose timeline, notes or links it reads or adds to: a contact, a
/// company, a file, a record of a custom domain, or a definition. <see cref="Domain"/> is the permission domain
/// reading it needs (<c>Read</c>; a definition's timeline needs <c>*:Admin</c>). The sets are tenant-filtered, so
/// another tenant's record is simply not there.
/// </summary>
public sealed record TimelineSubject(string Type, Guid Id, string Domain)
{
    public static TimelineSubject Contact(Guid id) => new(SubjectType.Contact, id, BuiltInDomain.Contact);

    public static TimelineSubject Company(Guid id) => new(SubjectType.Company, id, BuiltInDomain.Company);

    public static TimelineSubject File(Guid id) => new(SubjectType.File, id, BuiltInDomain.File);

    /// <summary>A record of the custom domain the route names (any case).</summary>
    public static TimelineSubject Record(string domain, Guid id) => new(SubjectType.Record, id, domain);

    /// <summary>A custom domain's or a relationship type's definition.</summary>
    public static TimelineSubject Definition(string type, Guid id) => new(type, id, Permission.Any);

    /// <summary>What reading the subject's timeline needs.</summary>
    public IReadOnlyList<Permission> ReadRights => Domain == Permission.Any ? [Permission.Admin] : [Permission.Read(Domain)];

    /// <summary>What adding to the subject's timeline (a note) needs.</summary>
    public IReadOnlyList<Permission> EditRights => [Permission.Edit(Domain)];

    /// <summary>Whether the subject is a live record of the caller's tenant (a record: of the route's domain).</summary>
    public Task<bool> ExistsAsync(ILinkageDbContext db, CancellationToken cancellationToken) => Type switch
    {
        SubjectType.Company => db.Companies.AnyAsync(c => c.Id == Id, cancellationToken),
        SubjectType.Contact => db.Contacts.AnyAsync(c => c.Id == Id, cancellationToken),
        SubjectType.File => db.Files.AnyAsync(f => f.Id == Id, cancellationToken),
        SubjectType.Record => db.Records.AnyAsync(r => r.Id == Id && r.Domain.ToLower() == Domain.ToLower(), cancellationToken),
        SubjectType.Domain => db.Domains.AnyAsync(d => d.Id == Id, cancellationToken),
        SubjectType.RelationshipType => db.RelationshipTypes.AnyAsync(t => t.Id == Id, cancellationToken),
        _ => Task.FromResult(false),
    };

    /// <summary>404 unless the subject is a live record of the caller's tenant.</summary>
    public async Task EnsureExistsAsync(ILinkageDbContext db, CancellationToken cancellationToken)
    {
        if (!await ExistsAsync(db, cancellationToken))
        {
            throw new NotFoundException($"No such {Type.Replace('_', ' ')}.");
        }
    }
}
