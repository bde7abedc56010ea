using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Linkage.Infrastructure.Persistence.Migrations
{
    /// <summary>
    /// The events' subjects and changes as json, not jsonb (ADR 0036): the feed writes the stored text through, so it must
    /// be the text the unit of work wrote. Rows stored before keep jsonb's own text form (sorted keys, spaces), which is the
    /// same JSON.
    /// </summary>
    public partial class EventsJsonText : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AlterColumn<string>(
                name: "subjects",
                table: "events",
                type: "json",
                nullable: false,
                oldClrType: typeof(string),
                oldType: "jsonb");

            migrationBuilder.AlterColumn<string>(
                name: "changes",
                table: "events",
                type: "json",
                nullable: true,
                oldClrType: typeof(string),
                oldType: "jsonb",
                oldNullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AlterColumn<string>(
                name: "subjects",
                table: "events",
                type: "jsonb",
                nullable: false,
                oldClrType: typeof(string),
                oldType: "json");

            migrationBuilder.AlterColumn<string>(
                name: "changes",
                table: "events",
                type: "jsonb",
                nullable: true,
                oldClrType: typeof(string),
                oldType: "json",
                oldNullable: true);
        }
    }
}
