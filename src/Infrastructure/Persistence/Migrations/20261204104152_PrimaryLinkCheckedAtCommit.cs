using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Linkage.Infrastructure.Persistence.Migrations
{
    /// <summary>
    /// "One live primary link per contact" moves from a partial unique index, which PostgreSQL checks row by row,
    /// to an exclusion constraint checked at commit (ADR 0007): a contact's old primary link and its new one are
    /// then saved in one batch, in whatever order, like every other change. EF Core cannot model an exclusion
    /// constraint, so it is written here; LinkConfiguration.LivePrimaryConstraint names it.
    /// </summary>
    public partial class PrimaryLinkCheckedAtCommit : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ux_links_live_primary",
                table: "links");

            migrationBuilder.Sql("""
                ALTER TABLE links ADD CONSTRAINT ex_links_live_primary
                    EXCLUDE USING btree (tenant_id WITH =, contact_id WITH =)
                    WHERE (is_primary AND deleted_utc IS NULL)
                    DEFERRABLE INITIALLY DEFERRED;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("ALTER TABLE links DROP CONSTRAINT ex_links_live_primary;");

            migrationBuilder.CreateIndex(
                name: "ux_links_live_primary",
                table: "links",
                columns: new[] { "tenant_id", "contact_id" },
                unique: true,
                filter: "is_primary AND deleted_utc IS NULL");
        }
    }
}
