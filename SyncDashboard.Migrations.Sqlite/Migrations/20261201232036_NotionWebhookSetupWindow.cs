using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SyncDashboard.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class NotionWebhookSetupWindow : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "WebhookKeyHash",
                table: "Integrations",
                type: "TEXT",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "WebhookKeyProtected",
                table: "Integrations",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "WebhookPendingTokenAt",
                table: "Integrations",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "WebhookPendingTokenProtected",
                table: "Integrations",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "WebhookSetupUntil",
                table: "Integrations",
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_Integrations_WebhookKeyHash",
                table: "Integrations",
                column: "WebhookKeyHash",
                unique: true);
            // Tokens stored through the retired ?integration=<id> URL were never confirmed by anyone, and that URL accepts
            // nothing now, so they could only ever have signed forged deliveries (ADR 0011). The URL secret itself is
            // made on first need, in code: only a SHA-256 and a sealed copy are stored, which SQL cannot make.
            migrationBuilder.Sql("UPDATE Integrations SET WebhookSecretProtected = NULL;");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Integrations_WebhookKeyHash",
                table: "Integrations");

            migrationBuilder.DropColumn(
                name: "WebhookKeyHash",
                table: "Integrations");

            migrationBuilder.DropColumn(
                name: "WebhookKeyProtected",
                table: "Integrations");

            migrationBuilder.DropColumn(
                name: "WebhookPendingTokenAt",
                table: "Integrations");

            migrationBuilder.DropColumn(
                name: "WebhookPendingTokenProtected",
                table: "Integrations");

            migrationBuilder.DropColumn(
                name: "WebhookSetupUntil",
                table: "Integrations");
        }
    }
}
