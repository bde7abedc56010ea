namespace Linkage.Application.Timeline;

/// <summary>
/// The record a request names in its route, whose timeline, notes or links it reads or adds to: a contact, a company, a
/// file, a record of a custom domain (by id), or a definition (by its name). <see cref="Domain"/> is the permission domain
/// reading it needs (<c>Read</c>; a definition's timeline needs <c>*:Admin</c>). The sets are tenant-filtered, so another
/// tenant's record is simply not there.
/// </summary>
public sealed record TimelineSubject(string Type, Guid Id, string Domain, string? Name = null)
{
    public static TimelineSubject Contact(Guid id) => new(SubjectType.Contact, id, BuiltInDomain.Contact);

    public static TimelineSubject Company(Guid id) => new(SubjectType.Company, id, BuiltInDomain.Company);

    public static TimelineSubject File(Guid id) => new(SubjectType.File, id, BuiltInDomain.File);

    /// <summary>A record of the custom domain the route names (any case).</summary>
    public static TimelineSubject Record(string domain, Guid id) => new(SubjectType.Record, id, domain);

    /// <summary>A custom domain's or a relationship type's definition, by its name in any case.</summary>
    public static TimelineSubject Definition(string type, string name) => new(type, Guid.Empty, Permission.Any, name);

    /// <summary>What reading the subject's timeline needs.</summary>
    public RequiredRights ReadRights => RequiredRights.OneOf(Domain == Permission.Any ? Permission.Admin : Permission.Read(Domain));

    /// <summary>What adding to the subject's timeline (a note) needs.</summary>
    public RequiredRights EditRights => RequiredRights.OneOf(Permission.Edit(Domain));

    /// <summary>The id of the subject, a live record of the caller's tenant (a record: of the route's domain); 404 when there is none.</summary>
    public async Task<Guid> FindAsync(ILinkageDbContext db, CancellationToken cancellationToken) =>
        await FindOrNullAsync(db, cancellationToken) ?? throw new NotFoundException($"No such {Type.Replace('_', ' ')}.");

    private Task<Guid?> FindOrNullAsync(ILinkageDbContext db, CancellationToken cancellationToken)
    {
        var key = Name?.ToLowerInvariant();
        var domain = Domain.ToLowerInvariant();
        return Type switch
        {
            SubjectType.Company => FirstAsync(db.Companies.Where(c => c.Id == Id).Select(c => c.Id), cancellationToken),
            SubjectType.Contact => FirstAsync(db.Contacts.Where(c => c.Id == Id).Select(c => c.Id), cancellationToken),
            SubjectType.File => FirstAsync(db.Files.Where(f => f.Id == Id).Select(f => f.Id), cancellationToken),
            SubjectType.Record => FirstAsync(db.Records.Where(r => r.Id == Id && r.Domain.ToLower() == domain).Select(r => r.Id), cancellationToken),
            SubjectType.Domain => FirstAsync(db.Domains.Where(d => d.NameKey == key).Select(d => d.Id), cancellationToken),
            SubjectType.RelationshipType => FirstAsync(db.RelationshipTypes.Where(t => t.NameKey == key).Select(t => t.Id), cancellationToken),
            _ => Task.FromResult<Guid?>(null),
        };
    }

    private static Task<Guid?> FirstAsync(IQueryable<Guid> ids, CancellationToken cancellationToken) =>
        ids.Select(id => (Guid?)id).FirstOrDefaultAsync(cancellationToken);
}
