using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Linkage.Infrastructure.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class EventReadDomains : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // An event's read rights are the domains of which a reader needs one's Read, as its resource's description says (a
            // network link: contact or company), no longer one domain. Kept events keep their one domain, lower-cased.
            migrationBuilder.Sql("""
                ALTER TABLE events RENAME COLUMN read_domain TO read_domains;
                ALTER TABLE events ALTER COLUMN read_domains TYPE text[]
                    USING CASE WHEN read_domains IS NULL THEN NULL ELSE ARRAY[lower(read_domains)] END;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                ALTER TABLE events ALTER COLUMN read_domains TYPE character varying(64) USING read_domains[1];
                ALTER TABLE events RENAME COLUMN read_domains TO read_domain;
                """);
        }
    }
}
