using Linkage.Domain.Companies;
using Linkage.Domain.Contacts;
using Linkage.Domain.Definitions;
using Linkage.Domain.Files;
using Linkage.Domain.Records;
using Linkage.Domain.Links;
using Linkage.Domain.Notes;
using Linkage.Domain.Timeline;

namespace Linkage.Infrastructure.Persistence;

/// <summary>
/// The one implementation of <see cref="ILinkageDbContext"/>: the handlers' view of the request's
/// <see cref="LinkageDbContext"/>. A forwarder, not the context itself: the container disposes every disposable a
/// registration returns, so registering the pooled context under a second service type would return it to the
/// pool twice, and two requests could then rent the same instance at once (ADR 0009).
/// </summary>
internal sealed class RequestStore(LinkageDbContext db) : ILinkageDbContext
{
    public DbSet<Contact> Contacts => db.Contacts;

    public DbSet<Company> Companies => db.Companies;

    public DbSet<Link> Links => db.Links;

    public DbSet<NetworkLink> NetworkLinks => db.NetworkLinks;

    public DbSet<TypedLink> TypedLinks => db.TypedLinks;

    public DbSet<TimelineAction> TimelineActions => db.TimelineActions;

    public DbSet<Note> Notes => db.Notes;

    public DbSet<DomainDefinition> Domains => db.Domains;

    public DbSet<RelationshipType> RelationshipTypes => db.RelationshipTypes;

    public DbSet<DomainRecord> Records => db.Records;

    public DbSet<FileRecord> Files => db.Files;

    public DbSet<TEntity> Set<TEntity>()
        where TEntity : class => db.Set<TEntity>();
}
