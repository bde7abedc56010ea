using Linkage.Infrastructure.Idempotency;

namespace Linkage.Infrastructure.Persistence.Configurations;

internal sealed class IdempotencyRecordConfiguration : IEntityTypeConfiguration<IdempotencyRecord>
{
    public void Configure(EntityTypeBuilder<IdempotencyRecord> builder)
    {
        builder.ToTable("idempotency_keys");
        builder.HasKey(r => new { r.TenantId, r.ActorId, r.Key });
        builder.Property(r => r.TenantId).HasMaxLength(AggregateRoot.MaxTenantIdLength);
        builder.Property(r => r.ActorId).HasMaxLength(200);
        builder.Property(r => r.Key).HasMaxLength(255);
        builder.Property(r => r.Fingerprint).HasMaxLength(64);
        builder.Property(r => r.ResponseJson).HasColumnType("jsonb");
        builder.HasIndex(r => r.ExpiresUtc);
    }
}
