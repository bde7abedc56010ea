using Linkage.Domain.Links;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Linkage.Infrastructure.Persistence.Configurations;

/// <summary>
/// The links table and the two invariants the database itself holds (ADR 0007): one live link per
/// contact-company pair, and one live primary link per contact. Both are partial unique indexes led by
/// tenant_id; <see cref="LinkUniqueViolations"/> says what a violation of each means to the caller.
/// </summary>
internal sealed class LinkConfiguration : IEntityTypeConfiguration<Link>
{
    public const string LivePairIndex = "ux_links_live_pair";
    public const string LivePrimaryIndex = "ux_links_live_primary";

    public void Configure(EntityTypeBuilder<Link> builder)
    {
        builder.ToTable("links");
        builder.ConfigureAggregate();
        builder.Property(l => l.JobTitle).HasMaxLength(Link.MaxJobTitleLength);

        builder.HasIndex(l => new { l.TenantId, l.ContactId, l.CompanyId })
            .IsUnique()
            .HasFilter("deleted_utc IS NULL")
            .HasDatabaseName(LivePairIndex);
        builder.HasIndex(l => new { l.TenantId, l.ContactId })
            .IsUnique()
            .HasFilter("is_primary AND deleted_utc IS NULL")
            .HasDatabaseName(LivePrimaryIndex);

        // The two list pages (a contact's links, a company's links): keyset on id.
        builder.HasIndex(l => new { l.TenantId, l.ContactId, l.Id }).HasFilter("deleted_utc IS NULL");
        builder.HasIndex(l => new { l.TenantId, l.CompanyId, l.Id }).HasFilter("deleted_utc IS NULL");
    }
}
