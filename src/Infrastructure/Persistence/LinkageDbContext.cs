using Linkage.Application.Common.Persistence;
using Linkage.Application.Common.Security;
using Linkage.Domain.Common;
using Linkage.Domain.Companies;
using Linkage.Domain.Contacts;
using Linkage.Domain.Links;
using Linkage.Domain.Notes;
using Linkage.Domain.Timeline;
using Linkage.Infrastructure.Idempotency;
using Linkage.Infrastructure.Persistence.Conventions;
using Microsoft.EntityFrameworkCore;

namespace Linkage.Infrastructure.Persistence;

/// <summary>
/// The EF Core context. Every tenant-owned set carries a global filter on the caller's tenant
/// (and, for aggregates, hides soft-deleted rows), so no query can read another tenant's rows.
/// </summary>
public sealed class LinkageDbContext(DbContextOptions<LinkageDbContext> options, ICurrentUser user)
    : DbContext(options), ILinkageDbContext
{
    /// <summary>Read by the query filters on every query; EF parameterizes it.</summary>
    internal string CurrentTenantId => user.TenantId;

    public DbSet<Contact> Contacts => Set<Contact>();

    public DbSet<Company> Companies => Set<Company>();

    public DbSet<Link> Links => Set<Link>();

    public DbSet<TimelineAction> TimelineActions => Set<TimelineAction>();

    public DbSet<Note> Notes => Set<Note>();

    internal DbSet<IdempotencyRecord> IdempotencyRecords => Set<IdempotencyRecord>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(LinkageDbContext).Assembly);
        ApplyTenantFilters(modelBuilder);
        SnakeCase.Apply(modelBuilder);
    }

    private void ApplyTenantFilters(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<TimelineAction>().HasQueryFilter(a => a.TenantId == CurrentTenantId);
        modelBuilder.Entity<IdempotencyRecord>().HasQueryFilter(r => r.TenantId == CurrentTenantId);
        foreach (var entity in modelBuilder.Model.GetEntityTypes().Where(e => typeof(AggregateRoot).IsAssignableFrom(e.ClrType)))
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
