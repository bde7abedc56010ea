using Linkage.Domain.Contacts;
using Linkage.Infrastructure.Persistence.Conventions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Linkage.Infrastructure.Persistence.Configurations;

internal sealed class ContactConfiguration : IEntityTypeConfiguration<Contact>
{
    public void Configure(EntityTypeBuilder<Contact> builder)
    {
        builder.ToTable("contacts");
        builder.ConfigureAggregate();
        builder.Property(c => c.FirstName).HasMaxLength(200);
        builder.Property(c => c.LastName).HasMaxLength(200);
        builder.Property(c => c.FullName).HasMaxLength(401);
        builder.Property(c => c.Emails).HasJsonConversion();
        builder.Property(c => c.Phones).HasJsonConversion();
        builder.Property(c => c.CustomFields).HasScalarMapConversion();
        builder.Property(c => c.EmailKeys).HasColumnType("text[]");
        builder.Ignore(c => c.Details);
    }
}
