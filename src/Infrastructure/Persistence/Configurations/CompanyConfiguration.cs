using Linkage.Domain.Companies;
using Linkage.Infrastructure.Persistence.Conventions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Linkage.Infrastructure.Persistence.Configurations;

internal sealed class CompanyConfiguration : IEntityTypeConfiguration<Company>
{
    public void Configure(EntityTypeBuilder<Company> builder)
    {
        builder.ToTable("companies");
        builder.ConfigureAggregate();
        builder.Property(c => c.Name).HasMaxLength(200);
        builder.Property(c => c.Department).HasMaxLength(200);
        builder.Property(c => c.OrgNr).HasMaxLength(50);
        builder.Property(c => c.Emails).HasJsonConversion();
        builder.Property(c => c.Phones).HasJsonConversion();
        builder.Property(c => c.Urls).HasJsonConversion();
        builder.Property(c => c.Address).HasJsonConversion();
        builder.Property(c => c.CustomFields).HasScalarMapConversion();
        builder.Ignore(c => c.Details);
    }
}
