using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Linkage.Infrastructure.Persistence.Migrations
{
    /// <summary>
    /// Section 5 of API.md: custom domains, their records, file records, relationship types, and links that join any
    /// parent to a contact or a file (the contact-company links among them), typed or not, with field values.
    /// </summary>
    public partial class RecordsFilesDefinitionsAndTypedLinks : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // The contact-company links become the links of section 5: the company is the parent, the contact the child.
            migrationBuilder.RenameColumn(name: "company_id", table: "links", newName: "parent_id");
            migrationBuilder.RenameColumn(name: "contact_id", table: "links", newName: "child_id");
            migrationBuilder.RenameIndex(name: "ix_links_tenant_id_company_id_id", table: "links", newName: "ix_links_tenant_id_parent_id_id");
            migrationBuilder.RenameIndex(name: "ix_links_tenant_id_contact_id_id", table: "links", newName: "ix_links_tenant_id_child_id_id");
            migrationBuilder.DropIndex(name: "ux_links_live_pair", table: "links");
            migrationBuilder.CreateIndex(
                name: "ux_links_live_pair",
                table: "links",
                columns: new[] { "tenant_id", "parent_id", "child_id" },
                unique: true,
                filter: "deleted_utc IS NULL");

            // Every link so far joins a company to a contact and has no field values; new rows always say theirs.
            migrationBuilder.AddColumn<string>(
                name: "parent_domain", table: "links", type: "character varying(64)", maxLength: 64, nullable: false, defaultValue: "Company");
            migrationBuilder.AddColumn<string>(
                name: "child_domain", table: "links", type: "character varying(64)", maxLength: 64, nullable: false, defaultValue: "Contact");
            migrationBuilder.AddColumn<string>(name: "field_values", table: "links", type: "jsonb", nullable: false, defaultValue: "{}");
            migrationBuilder.Sql(
                "ALTER TABLE links ALTER COLUMN parent_domain DROP DEFAULT, ALTER COLUMN child_domain DROP DEFAULT, ALTER COLUMN field_values DROP DEFAULT;");
            migrationBuilder.AddColumn<string>(name: "display_label", table: "links", type: "character varying(200)", maxLength: 200, nullable: true);
            migrationBuilder.AddColumn<string>(name: "relationship_type", table: "links", type: "character varying(64)", maxLength: 64, nullable: true);
            migrationBuilder.AddColumn<Guid>(name: "relationship_type_id", table: "links", type: "uuid", nullable: true);

            migrationBuilder.CreateTable(
                name: "domains",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    tenant_id = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    name = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    name_key = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    label = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    fields = table.Column<string>(type: "jsonb", nullable: false),
                    version = table.Column<int>(type: "integer", nullable: false),
                    created_utc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    updated_utc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    deleted_utc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    change_type = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    change_origin = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_domains", x => new { x.tenant_id, x.id });
                });

            migrationBuilder.CreateTable(
                name: "files",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    tenant_id = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    name = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    content_type = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    size_bytes = table.Column<long>(type: "bigint", nullable: false),
                    sha256 = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    url = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    version = table.Column<int>(type: "integer", nullable: false),
                    created_utc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    updated_utc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    deleted_utc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    change_type = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    change_origin = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_files", x => new { x.tenant_id, x.id });
                });

            migrationBuilder.CreateTable(
                name: "records",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    tenant_id = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    domain = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    fields = table.Column<string>(type: "jsonb", nullable: false),
                    version = table.Column<int>(type: "integer", nullable: false),
                    created_utc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    updated_utc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    deleted_utc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    change_type = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    change_origin = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_records", x => new { x.tenant_id, x.id });
                });

            migrationBuilder.CreateTable(
                name: "relationship_types",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    tenant_id = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    name = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    name_key = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    label = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    from_domain = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    to_domain = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    fields = table.Column<string>(type: "jsonb", nullable: false),
                    version = table.Column<int>(type: "integer", nullable: false),
                    created_utc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    updated_utc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    deleted_utc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    change_type = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    change_origin = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_relationship_types", x => new { x.tenant_id, x.id });
                });

            migrationBuilder.CreateIndex(
                name: "ux_domains_name",
                table: "domains",
                columns: new[] { "tenant_id", "name_key" },
                unique: true);

            // Equality on a record's field (ADR 12): fields @> '{"name": value}', through a GIN index led by tenant and
            // domain. btree_gin gives GIN the operator classes for those two plain columns; it ships with PostgreSQL.
            migrationBuilder.Sql("CREATE EXTENSION IF NOT EXISTS btree_gin;");
            migrationBuilder.Sql(
                "CREATE INDEX ix_records_fields ON records USING gin (tenant_id, domain, fields jsonb_path_ops) WHERE deleted_utc IS NULL;");

            migrationBuilder.CreateIndex(
                name: "ix_records_tenant_id_domain_id",
                table: "records",
                columns: new[] { "tenant_id", "domain", "id" },
                filter: "deleted_utc IS NULL");

            migrationBuilder.CreateIndex(
                name: "ux_relationship_types_name",
                table: "relationship_types",
                columns: new[] { "tenant_id", "name_key" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "domains");

            migrationBuilder.DropTable(
                name: "files");

            migrationBuilder.DropTable(
                name: "records");

            migrationBuilder.DropTable(
                name: "relationship_types");

            migrationBuilder.DropColumn(name: "child_domain", table: "links");
            migrationBuilder.DropColumn(name: "parent_domain", table: "links");
            migrationBuilder.DropColumn(name: "field_values", table: "links");
            migrationBuilder.DropColumn(name: "display_label", table: "links");
            migrationBuilder.DropColumn(name: "relationship_type", table: "links");
            migrationBuilder.DropColumn(name: "relationship_type_id", table: "links");
            migrationBuilder.DropIndex(name: "ux_links_live_pair", table: "links");
            migrationBuilder.RenameIndex(name: "ix_links_tenant_id_parent_id_id", table: "links", newName: "ix_links_tenant_id_company_id_id");
            migrationBuilder.RenameIndex(name: "ix_links_tenant_id_child_id_id", table: "links", newName: "ix_links_tenant_id_contact_id_id");
            migrationBuilder.RenameColumn(name: "parent_id", table: "links", newName: "company_id");
            migrationBuilder.RenameColumn(name: "child_id", table: "links", newName: "contact_id");
            migrationBuilder.CreateIndex(
                name: "ux_links_live_pair",
                table: "links",
                columns: new[] { "tenant_id", "contact_id", "company_id" },
                unique: true,
                filter: "deleted_utc IS NULL");
        }
    }
}
