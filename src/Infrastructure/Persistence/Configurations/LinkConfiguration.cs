using Linkage.Domain.Links;

namespace Linkage.Infrastructure.Persistence.Configurations;

/// <summary>
/// The links table and the two invariants the database itself holds (ADR 0007): one live link per
/// contact-company pair (a partial unique index), and one live primary link per contact (an exclusion
/// constraint checked at commit, created by migration <c>PrimaryLinkCheckedAtCommit</c>: EF Core cannot model
/// one). Both are led by tenant_id; <see cref="LinkUniqueViolations"/> says what breaking each means to the caller.
/// </summary>
internal sealed class LinkConfiguration : IEntityTypeConfiguration<Link>
{
    public const string LivePairIndex = "ux_links_live_pair";
    public const string LivePrimaryConstraint = "ex_links_live_primary";

    public void Configure(EntityTypeBuilder<Link> builder)
    {
        builder.ToTable("links");
        builder.ConfigureAggregate();
        builder.Property(l => l.JobTitle).HasMaxLength(Link.MaxJobTitleLength);

        builder.HasIndex(l => new { l.TenantId, l.ContactId, l.CompanyId })
            .IsUnique()
            .HasFilter("deleted_utc IS NULL")
            .HasDatabaseName(LivePairIndex);

        // The two list pages (a contact's links, a company's links): keyset on id.
        builder.HasIndex(l => new { l.TenantId, l.ContactId, l.Id }).HasFilter("deleted_utc IS NULL");
        builder.HasIndex(l => new { l.TenantId, l.CompanyId, l.Id }).HasFilter("deleted_utc IS NULL");
    }
}
