using Linkage.Domain.Links;

namespace Linkage.Infrastructure.Persistence.Configurations;

/// <summary>
/// The links table, shared by both kinds of link (ADR 26): a <c>kind</c> column says which (<c>network</c>, <c>typed</c>),
/// each kind's own columns are null for the other. The two invariants the database itself holds (ADR 0007): one live link
/// per parent-child pair, whatever its kind (a partial unique index: the reason the kinds share a table), and one live
/// primary link per contact (an exclusion constraint checked at commit, created by migration <c>PrimaryLinkCheckedAtCommit</c>:
/// EF Core cannot model one). Both are led by tenant_id; <see cref="LinkUniqueViolations"/> says what breaking each means.
/// </summary>
internal sealed class LinkConfiguration : IEntityTypeConfiguration<Link>
{
    public const string LivePairIndex = "ux_links_live_pair";
    public const string LivePrimaryConstraint = "ex_links_live_primary";

    public const string NetworkKind = "network";
    public const string TypedKind = "typed";

    /// <summary>A company's link to a contact is its network link; every other link is a typed link.</summary>
    private const string Kind = $"CASE WHEN parent_domain = 'Company' AND child_domain = 'Contact' THEN '{NetworkKind}' ELSE '{TypedKind}' END";

    public void Configure(EntityTypeBuilder<Link> builder)
    {
        builder.ToTable("links");
        builder.ConfigureAggregate();
        builder.HasDiscriminator<string>(nameof(Kind))
            .HasValue<NetworkLink>(NetworkKind)
            .HasValue<TypedLink>(TypedKind);

        // The kind is what the ends make a link (ADR 26), computed by the database: no write sets it, so a release that does
        // not know the column (during a rolling update) writes links the next one reads right, and no row can be of the
        // wrong kind.
        builder.Property<string>(nameof(Kind)).HasMaxLength(16)
            .HasComputedColumnSql(Kind, stored: true);
        builder.Property(l => l.ParentDomain).HasMaxLength(64);
        builder.Property(l => l.ChildDomain).HasMaxLength(64);
        builder.Ignore(l => l.Parent);
        builder.Ignore(l => l.Child);

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

/// <summary>A company's link to a contact: its job title and primary status (API.md 2.2).</summary>
internal sealed class NetworkLinkConfiguration : IEntityTypeConfiguration<NetworkLink>
{
    public void Configure(EntityTypeBuilder<NetworkLink> builder)
    {
        builder.Property(l => l.JobTitle).HasMaxLength(NetworkLink.MaxJobTitleLength);
        builder.Ignore(l => l.ContactId);
        builder.Ignore(l => l.CompanyId);
    }
}

/// <summary>A record's link to a contact or a file: its relationship type, label and field values (API.md 6).</summary>
internal sealed class TypedLinkConfiguration : IEntityTypeConfiguration<TypedLink>
{
    public void Configure(EntityTypeBuilder<TypedLink> builder)
    {
        builder.Property(l => l.RelationshipType).HasMaxLength(64);
        builder.Property(l => l.DisplayLabel).HasMaxLength(TypedLink.MaxDisplayLabelLength);
    }
}
