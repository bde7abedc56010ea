using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Linkage.Infrastructure.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class WebhookDeliveryRetention : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "ix_webhook_deliveries_finished",
                table: "webhook_deliveries",
                column: "created_utc",
                filter: "status <> 'pending'");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_webhook_deliveries_finished",
                table: "webhook_deliveries");
        }
    }
}
