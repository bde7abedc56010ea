using Linkage.Domain.Links;

namespace Linkage.Infrastructure.Persistence.Configurations;

/// <summary>
/// The links table and the two invariants the database itself holds (ADR 0007): one live link per
/// parent-child pair (a partial unique index), and one live primary link per contact (an exclusion
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
        builder.Property(l => l.ParentDomain).HasMaxLength(64);
        builder.Property(l => l.ChildDomain).HasMaxLength(64);
        builder.Property(l => l.RelationshipType).HasMaxLength(64);
        builder.Property(l => l.DisplayLabel).HasMaxLength(200);
        builder.Ignore(l => l.Parent);
        builder.Ignore(l => l.Child);
        builder.Ignore(l => l.IsNetworkLink);

        // Ids are unique across domains, so the pair of ids is the pair of records.
        builder.HasIndex(l => new { l.TenantId, l.ParentId, l.ChildId })
            .IsUnique()
            .HasFilter("deleted_utc IS NULL")
            .HasDatabaseName(LivePairIndex);

        // The list pages (a child's links: a contact's or a file's; a parent's: a company's or a record's): keyset on id.
        builder.HasIndex(l => new { l.TenantId, l.ChildId, l.Id }).HasFilter("deleted_utc IS NULL");
        builder.HasIndex(l => new { l.TenantId, l.ParentId, l.Id }).HasFilter("deleted_utc IS NULL");
    }
}
