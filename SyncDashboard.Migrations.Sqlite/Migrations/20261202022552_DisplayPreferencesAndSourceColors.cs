using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SyncDashboard.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class DisplayPreferencesAndSourceColors : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Culture",
                table: "Users",
                type: "TEXT",
                maxLength: 16,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "HourCycle",
                table: "Users",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "WeekStart",
                table: "Users",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Color",
                table: "Integrations",
                type: "TEXT",
                maxLength: 7,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "Culture",
                table: "Users");

            migrationBuilder.DropColumn(
                name: "HourCycle",
                table: "Users");

            migrationBuilder.DropColumn(
                name: "WeekStart",
                table: "Users");

            migrationBuilder.DropColumn(
                name: "Color",
                table: "Integrations");
        }
    }
}
