using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Linkage.Infrastructure.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class AddLinks : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "links",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    tenant_id = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    contact_id = table.Column<Guid>(type: "uuid", nullable: false),
                    company_id = table.Column<Guid>(type: "uuid", nullable: false),
                    job_title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    is_primary = table.Column<bool>(type: "boolean", nullable: false),
                    version = table.Column<int>(type: "integer", nullable: false),
                    created_utc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    updated_utc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    deleted_utc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    change_type = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    change_origin = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_links", x => new { x.tenant_id, x.id });
                });

            migrationBuilder.CreateIndex(
                name: "ix_links_tenant_id_company_id_id",
                table: "links",
                columns: new[] { "tenant_id", "company_id", "id" },
                filter: "deleted_utc IS NULL");

            migrationBuilder.CreateIndex(
                name: "ix_links_tenant_id_contact_id_id",
                table: "links",
                columns: new[] { "tenant_id", "contact_id", "id" },
                filter: "deleted_utc IS NULL");

            migrationBuilder.CreateIndex(
                name: "ux_links_live_pair",
                table: "links",
                columns: new[] { "tenant_id", "contact_id", "company_id" },
                unique: true,
                filter: "deleted_utc IS NULL");

            migrationBuilder.CreateIndex(
                name: "ux_links_live_primary",
                table: "links",
                columns: new[] { "tenant_id", "contact_id" },
                unique: true,
                filter: "is_primary AND deleted_utc IS NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "links");
        }
    }
}
