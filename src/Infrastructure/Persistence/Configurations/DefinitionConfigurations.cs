using Linkage.Domain.Definitions;

namespace Linkage.Infrastructure.Persistence.Configurations;

// What a tenant defines: its custom domains and relationship types (API.md 5.1, 5.2). Fields are jsonb (JsonColumn).

internal sealed class DomainDefinitionConfiguration : IEntityTypeConfiguration<DomainDefinition>
{
    /// <summary>A domain name is unique per tenant in any case.</summary>
    public const string NameIndex = "ux_domains_name";

    public void Configure(EntityTypeBuilder<DomainDefinition> builder)
    {
        builder.ToTable("domains").ConfigureAggregate();
        builder.Property(d => d.Name).HasMaxLength(64);
        builder.Property(d => d.NameKey).HasMaxLength(64);
        builder.Property(d => d.Label).HasMaxLength(DomainDefinition.MaxLabelLength);
        builder.HasIndex(d => new { d.TenantId, d.NameKey }).IsUnique().HasDatabaseName(NameIndex);
    }
}

internal sealed class RelationshipTypeConfiguration : IEntityTypeConfiguration<RelationshipType>
{
    public const string NameIndex = "ux_relationship_types_name";

    public void Configure(EntityTypeBuilder<RelationshipType> builder)
    {
        builder.ToTable("relationship_types").ConfigureAggregate();
        builder.Property(t => t.Name).HasMaxLength(64);
        builder.Property(t => t.NameKey).HasMaxLength(64);
        builder.Property(t => t.Label).HasMaxLength(DomainDefinition.MaxLabelLength);
        builder.Property(t => t.FromDomain).HasMaxLength(64);
        builder.Property(t => t.ToDomain).HasMaxLength(64);
        builder.HasIndex(t => new { t.TenantId, t.NameKey }).IsUnique().HasDatabaseName(NameIndex);
    }
}
