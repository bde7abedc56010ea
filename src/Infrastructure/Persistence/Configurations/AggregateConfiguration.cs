namespace Linkage.Infrastructure.Persistence.Configurations;

/// <summary>
/// Mapping every aggregate shares: the key leads with tenant_id (so the table can be distributed by
/// tenant), version is the concurrency token, and the change type is stored by name.
/// </summary>
internal static class AggregateConfiguration
{
    public static void ConfigureAggregate<T>(this EntityTypeBuilder<T> builder)
        where T : AggregateRoot
    {
        builder.HasKey(a => new { a.TenantId, a.Id });
        builder.Property(a => a.TenantId).HasMaxLength(AggregateRoot.MaxTenantIdLength);
        builder.Property(a => a.Version).IsConcurrencyToken();
        builder.Property(a => a.ChangeType).HasConversion<string>().HasMaxLength(20);
        builder.Property(a => a.ChangeOrigin).HasMaxLength(50);
        builder.Ignore(a => a.RecordedActions);
        builder.Ignore(a => a.IsDeleted);
    }
}
