using Linkage.Domain.Companies;
using Linkage.Domain.Contacts;

namespace Linkage.Infrastructure.Persistence.Configurations;

// The records of the network. Their contact points, addresses and custom fields are jsonb by type (JsonColumn).

internal sealed class ContactConfiguration : IEntityTypeConfiguration<Contact>
{
    public void Configure(EntityTypeBuilder<Contact> builder)
    {
        builder.ToTable("contacts").ConfigureAggregate();
        builder.Property(c => c.FirstName).HasMaxLength(200);
        builder.Property(c => c.LastName).HasMaxLength(200);
        builder.Property(c => c.FullName).HasMaxLength(401);
        builder.Property(c => c.EmailKeys).HasColumnType("text[]");
    }
}

internal sealed class CompanyConfiguration : IEntityTypeConfiguration<Company>
{
    public void Configure(EntityTypeBuilder<Company> builder)
    {
        builder.ToTable("companies").ConfigureAggregate();
        builder.Property(c => c.Name).HasMaxLength(200);
        builder.Property(c => c.Department).HasMaxLength(200);
        builder.Property(c => c.OrgNr).HasMaxLength(50);
    }
}
