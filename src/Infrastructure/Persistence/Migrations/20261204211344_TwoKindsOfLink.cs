using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Linkage.Infrastructure.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class TwoKindsOfLink : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // EF maps the columns of one kind of link as nullable (the other kind has none). The database keeps them NOT NULL with a
            // default, which each kind's inserts leave to it: the previous release, which reads every column of every link during a
            // rolling update, never meets a NULL there (ADR 26). The model snapshot says nullable, as EF sees it, so no later
            // migration undoes this.
            migrationBuilder.Sql("ALTER TABLE links ALTER COLUMN is_primary SET DEFAULT false;");
            migrationBuilder.Sql("ALTER TABLE links ALTER COLUMN field_values SET DEFAULT '{}'::jsonb;");

            migrationBuilder.AddColumn<string>(
                name: "kind",
                table: "links",
                type: "character varying(16)",
                maxLength: 16,
                nullable: false,
                computedColumnSql: "CASE WHEN parent_domain = 'Company' AND child_domain = 'Contact' THEN 'network' ELSE 'typed' END",
                stored: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "kind",
                table: "links");

            migrationBuilder.Sql("ALTER TABLE links ALTER COLUMN is_primary DROP DEFAULT;");
            migrationBuilder.Sql("ALTER TABLE links ALTER COLUMN field_values DROP DEFAULT;");
        }
    }
}
