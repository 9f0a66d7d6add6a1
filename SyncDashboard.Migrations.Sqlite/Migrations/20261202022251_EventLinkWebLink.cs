using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SyncDashboard.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class EventLinkWebLink : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "WebLink",
                table: "EventLinks",
                type: "TEXT",
                maxLength: 2048,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "WebLink",
                table: "EventLinks");
        }
    }
}
