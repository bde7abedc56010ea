using Linkage.Domain.Timeline;

namespace Linkage.Infrastructure.Persistence.Configurations;

internal sealed class TimelineActionConfiguration : IEntityTypeConfiguration<TimelineAction>
{
    public void Configure(EntityTypeBuilder<TimelineAction> builder)
    {
        builder.ToTable("timeline_actions");
        builder.HasKey(a => new { a.TenantId, a.Id });
        builder.Property(a => a.TenantId).HasMaxLength(AggregateRoot.MaxTenantIdLength);
        builder.Property(a => a.Position).UseIdentityAlwaysColumn();
        builder.Property(a => a.Kind).HasMaxLength(50);
        builder.Property(a => a.SubjectType).HasMaxLength(30);
        builder.Property(a => a.ActorId).HasMaxLength(200);
        builder.Property(a => a.ChangeOrigin).HasMaxLength(50);

        // A timeline page: one subject's actions, newest first, by keyset on position.
        builder.HasIndex(a => new { a.TenantId, a.SubjectType, a.SubjectId, a.Position })
            .IsDescending(false, false, false, true);
    }
}
