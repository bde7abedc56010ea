namespace Linkage.Application.Common.Persistence;

/// <summary>
/// The store as handlers see it. Every set is already filtered to the caller's tenant and
/// hides soft-deleted rows. Handlers add and change aggregates; they never save: the unit of work does.
/// </summary>
public interface ILinkageDbContext
{
    DbSet<Contact> Contacts { get; }

    DbSet<Company> Companies { get; }

    /// <summary>Links of both kinds (ADR 26): what a pair's uniqueness and a record's delete concern.</summary>
    DbSet<Link> Links { get; }

    /// <summary>Companies' links to contacts (API.md 2.2).</summary>
    DbSet<NetworkLink> NetworkLinks { get; }

    /// <summary>Records' links to contacts and files (API.md 5.4, 6).</summary>
    DbSet<TypedLink> TypedLinks { get; }

    DbSet<TimelineAction> TimelineActions { get; }

    DbSet<Note> Notes { get; }

    DbSet<DomainDefinition> Domains { get; }

    DbSet<RelationshipType> RelationshipTypes { get; }

    DbSet<DomainRecord> Records { get; }

    DbSet<FileRecord> Files { get; }

    /// <summary>The set of any entity type, for the use cases that serve every resource the same way.</summary>
    DbSet<TEntity> Set<TEntity>()
        where TEntity : class;
}
