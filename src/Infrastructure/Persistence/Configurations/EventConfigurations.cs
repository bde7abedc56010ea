using Linkage.Infrastructure.Events;

namespace Linkage.Infrastructure.Persistence.Configurations;

internal sealed class StoredEventConfiguration : IEntityTypeConfiguration<StoredEvent>
{
    public void Configure(EntityTypeBuilder<StoredEvent> builder)
    {
        builder.ToTable("events");

        // The one index: a page of a tenant's feed is a range of this key (ADR 0028), and retention removes a prefix of it.
        builder.HasKey(e => new { e.TenantId, e.Position });
        builder.Property(e => e.TenantId).HasMaxLength(AggregateRoot.MaxTenantIdLength);
        builder.Property(e => e.Position).ValueGeneratedNever();
        builder.Property(e => e.Type).HasMaxLength(50);
        builder.Property(e => e.ActorId).HasMaxLength(200);
        builder.Property(e => e.ChangeOrigin).HasMaxLength(50);
        builder.Property(e => e.ResourceType).HasMaxLength(30);
        // json, not jsonb: the feed writes the text through as the unit of work serialized it (ADR 0036), and nothing
        // queries inside it; jsonb would hand back its own form (keys reordered, spaces added) and cost a conversion both ways.
        builder.Property(e => e.Subjects).HasColumnType("json");
        builder.Property(e => e.Changes).HasColumnType("json");
    }
}

internal sealed class EventHeadConfiguration : IEntityTypeConfiguration<EventHead>
{
    public void Configure(EntityTypeBuilder<EventHead> builder)
    {
        builder.ToTable("event_heads");
        builder.HasKey(h => h.TenantId);
        builder.Property(h => h.TenantId).HasMaxLength(AggregateRoot.MaxTenantIdLength);
        builder.Property(h => h.Position).ValueGeneratedNever();
    }
}

internal sealed class EventRetentionStateConfiguration : IEntityTypeConfiguration<EventRetentionState>
{
    public void Configure(EntityTypeBuilder<EventRetentionState> builder)
    {
        builder.ToTable("event_retention");
        builder.HasKey(r => r.TenantId);
        builder.Property(r => r.TenantId).HasMaxLength(AggregateRoot.MaxTenantIdLength);
    }
}
