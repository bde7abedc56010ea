using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Linkage.Infrastructure.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "companies",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    tenant_id = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    department = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    org_nr = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: true),
                    description = table.Column<string>(type: "text", nullable: true),
                    emails = table.Column<string>(type: "jsonb", nullable: false),
                    phones = table.Column<string>(type: "jsonb", nullable: false),
                    urls = table.Column<string>(type: "jsonb", nullable: false),
                    address = table.Column<string>(type: "jsonb", nullable: true),
                    custom_fields = table.Column<string>(type: "jsonb", nullable: false),
                    version = table.Column<int>(type: "integer", nullable: false),
                    created_utc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    updated_utc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    deleted_utc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    change_type = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    change_origin = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_companies", x => new { x.tenant_id, x.id });
                });

            migrationBuilder.CreateTable(
                name: "contacts",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    tenant_id = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    first_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    last_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    full_name = table.Column<string>(type: "character varying(401)", maxLength: 401, nullable: false),
                    emails = table.Column<string>(type: "jsonb", nullable: false),
                    phones = table.Column<string>(type: "jsonb", nullable: false),
                    description = table.Column<string>(type: "text", nullable: true),
                    custom_fields = table.Column<string>(type: "jsonb", nullable: false),
                    email_keys = table.Column<string[]>(type: "text[]", nullable: false),
                    version = table.Column<int>(type: "integer", nullable: false),
                    created_utc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    updated_utc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    deleted_utc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    change_type = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    change_origin = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_contacts", x => new { x.tenant_id, x.id });
                });

            migrationBuilder.CreateTable(
                name: "idempotency_keys",
                columns: table => new
                {
                    tenant_id = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    actor_id = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    key = table.Column<string>(type: "character varying(255)", maxLength: 255, nullable: false),
                    fingerprint = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    created_utc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    expires_utc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    response_json = table.Column<string>(type: "jsonb", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_idempotency_keys", x => new { x.tenant_id, x.actor_id, x.key });
                });

            migrationBuilder.CreateTable(
                name: "timeline_actions",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    tenant_id = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    position = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityAlwaysColumn),
                    kind = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    subject_type = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    subject_id = table.Column<Guid>(type: "uuid", nullable: false),
                    occurred_utc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    actor_id = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    change_origin = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    link_id = table.Column<Guid>(type: "uuid", nullable: true),
                    note_id = table.Column<Guid>(type: "uuid", nullable: true),
                    changes = table.Column<string>(type: "jsonb", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_timeline_actions", x => new { x.tenant_id, x.id });
                });

            migrationBuilder.CreateIndex(
                name: "ix_idempotency_keys_expires_utc",
                table: "idempotency_keys",
                column: "expires_utc");

            migrationBuilder.CreateIndex(
                name: "ix_timeline_actions_tenant_id_subject_type_subject_id_position",
                table: "timeline_actions",
                columns: new[] { "tenant_id", "subject_type", "subject_id", "position" },
                descending: new[] { false, false, false, true });

            // ?q= search: case-insensitive name prefixes and whole email values, within a tenant.
            // Expression and GIN indexes are beyond EF's model, so they are plain SQL.
            migrationBuilder.Sql("CREATE INDEX ix_contacts_tenant_first_name_lower ON contacts (tenant_id, lower(first_name) text_pattern_ops) WHERE deleted_utc IS NULL;");
            migrationBuilder.Sql("CREATE INDEX ix_contacts_tenant_last_name_lower ON contacts (tenant_id, lower(last_name) text_pattern_ops) WHERE deleted_utc IS NULL;");
            migrationBuilder.Sql("CREATE INDEX ix_contacts_tenant_full_name_lower ON contacts (tenant_id, lower(full_name) text_pattern_ops) WHERE deleted_utc IS NULL;");
            migrationBuilder.Sql("CREATE INDEX ix_contacts_email_keys ON contacts USING gin (email_keys) WHERE deleted_utc IS NULL;");
            migrationBuilder.Sql("CREATE INDEX ix_companies_tenant_name_lower ON companies (tenant_id, lower(name) text_pattern_ops) WHERE deleted_utc IS NULL;");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "companies");

            migrationBuilder.DropTable(
                name: "contacts");

            migrationBuilder.DropTable(
                name: "idempotency_keys");

            migrationBuilder.DropTable(
                name: "timeline_actions");
        }
    }
}
