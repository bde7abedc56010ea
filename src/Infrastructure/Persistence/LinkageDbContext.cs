using Linkage.Application.Common.Security;
using Linkage.Domain.Companies;
using Linkage.Domain.Contacts;
using Linkage.Domain.Definitions;
using Linkage.Domain.Files;
using Linkage.Domain.Records;
using Linkage.Domain.Links;
using Linkage.Domain.Notes;
using Linkage.Domain.Timeline;
using Linkage.Infrastructure.Idempotency;
using Linkage.Infrastructure.Persistence.Conventions;

namespace Linkage.Infrastructure.Persistence;

/// <summary>
/// The EF Core context. Every tenant-owned set carries a global filter on the caller's tenant
/// (and, for aggregates, hides soft-deleted rows), so no query can read another tenant's rows.
/// </summary>
/// <remarks>
/// Contexts are pooled (building one per request cost about a tenth of the API's CPU, bench/README.md).
/// A pooled context is rented with the request's <see cref="ICurrentUser"/> attached (<see cref="Rent"/>)
/// and forgets it when it goes back to the pool (<see cref="Dispose"/>); a context without a caller
/// refuses every filtered query instead of guessing a tenant (ADR 0009).
/// </remarks>
public sealed class LinkageDbContext : DbContext
{
    private ICurrentUser? _user;

    /// <summary>For the context pool: the caller is attached on each rent.</summary>
    public LinkageDbContext(DbContextOptions<LinkageDbContext> options)
        : base(options)
    {
    }

    /// <summary>
    /// An unpooled context for one caller (tests, design time). A factory, not a constructor: the pool
    /// insists on exactly one public constructor, taking only the options.
    /// </summary>
    public static LinkageDbContext ForCaller(DbContextOptions<LinkageDbContext> options, ICurrentUser user) =>
        new LinkageDbContext(options).Rent(user);

    /// <summary>Read by the query filters on every query; EF parameterizes it.</summary>
    internal string CurrentTenantId =>
        (_user ?? throw new InvalidOperationException("This context was not rented for a caller: it cannot tell the tenant.")).TenantId;

    /// <summary>Attaches the caller whose tenant every query of this rent is filtered on.</summary>
    internal LinkageDbContext Rent(ICurrentUser user)
    {
        _user = user;
        return this;
    }

    public override void Dispose()
    {
        _user = null;
        base.Dispose();
    }

    public override ValueTask DisposeAsync()
    {
        _user = null;
        return base.DisposeAsync();
    }

    public DbSet<Contact> Contacts => Set<Contact>();

    public DbSet<Company> Companies => Set<Company>();

    public DbSet<Link> Links => Set<Link>();

    public DbSet<NetworkLink> NetworkLinks => Set<NetworkLink>();

    public DbSet<TypedLink> TypedLinks => Set<TypedLink>();

    public DbSet<TimelineAction> TimelineActions => Set<TimelineAction>();

    public DbSet<Note> Notes => Set<Note>();

    public DbSet<DomainDefinition> Domains => Set<DomainDefinition>();

    public DbSet<RelationshipType> RelationshipTypes => Set<RelationshipType>();

    public DbSet<DomainRecord> Records => Set<DomainRecord>();

    public DbSet<FileRecord> Files => Set<FileRecord>();

    internal DbSet<IdempotencyRecord> IdempotencyRecords => Set<IdempotencyRecord>();

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder) => JsonColumn.Apply(configurationBuilder);

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(LinkageDbContext).Assembly);
        JsonColumn.ApplyToScalarMaps(modelBuilder);
        ApplyTenantFilters(modelBuilder);
        SnakeCase.Apply(modelBuilder);
    }

    private void ApplyTenantFilters(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<TimelineAction>().HasQueryFilter(a => a.TenantId == CurrentTenantId);
        modelBuilder.Entity<IdempotencyRecord>().HasQueryFilter(r => r.TenantId == CurrentTenantId);
        modelBuilder.Entity<Domain.Webhooks.WebhookDelivery>().HasQueryFilter(d => d.TenantId == CurrentTenantId);
        modelBuilder.Entity<Webhooks.WebhookCursor>().HasQueryFilter(c => c.TenantId == CurrentTenantId);
        // A filter belongs to the root of a hierarchy (links): its kinds inherit it.
        foreach (var entity in modelBuilder.Model.GetEntityTypes().Where(e => e.BaseType is null && typeof(AggregateRoot).IsAssignableFrom(e.ClrType)))
        {
            GetType().GetMethod(nameof(FilterAggregate), System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Instance)!
                .MakeGenericMethod(entity.ClrType)
                .Invoke(this, [modelBuilder]);
        }
    }

    private void FilterAggregate<T>(ModelBuilder modelBuilder)
        where T : AggregateRoot =>
        modelBuilder.Entity<T>().HasQueryFilter(a => a.TenantId == CurrentTenantId && a.DeletedUtc == null);
}
