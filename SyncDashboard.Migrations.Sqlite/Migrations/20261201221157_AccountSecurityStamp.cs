using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SyncDashboard.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class AccountSecurityStamp : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "SecurityStamp",
                table: "Users",
                type: "TEXT",
                maxLength: 32,
                nullable: false,
                defaultValue: "");
            // Existing users get a stamp of their own; cookies issued before this migration carry none and are
            // refused, so everyone signs in once more.
            migrationBuilder.Sql("UPDATE Users SET SecurityStamp = lower(hex(randomblob(16)));");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "SecurityStamp",
                table: "Users");
        }
    }
}
