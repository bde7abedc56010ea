using Linkage.Domain.Files;
using Linkage.Domain.Records;

namespace Linkage.Infrastructure.Persistence.Configurations;

// Records of custom domains and file records (API.md 5.1).

internal sealed class DomainRecordConfiguration : IEntityTypeConfiguration<DomainRecord>
{
    /// <summary>Equality on a field (ADR 12): a GIN index over tenant, domain and the fields' jsonb, which <c>@&gt;</c> uses.</summary>
    public const string FieldsIndex = "ix_records_fields";

    public void Configure(EntityTypeBuilder<DomainRecord> builder)
    {
        builder.ToTable("records").ConfigureAggregate();
        builder.Property(r => r.Domain).HasMaxLength(64);

        // A domain's records by keyset on id.
        builder.HasIndex(r => new { r.TenantId, r.Domain, r.Id }).HasFilter("deleted_utc IS NULL");
    }
}

internal sealed class FileRecordConfiguration : IEntityTypeConfiguration<FileRecord>
{
    public void Configure(EntityTypeBuilder<FileRecord> builder)
    {
        builder.ToTable("files").ConfigureAggregate();
        builder.Property(f => f.Name).HasMaxLength(500);
        builder.Property(f => f.ContentType).HasMaxLength(200);
        builder.Property(f => f.Sha256).HasMaxLength(64);
        builder.Property(f => f.Url).HasMaxLength(2000);
    }
}
