using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SyncDashboard.Core.Domain;

namespace SyncDashboard.Core.Persistence.Configurations;

internal sealed class IntegrationConfiguration : IEntityTypeConfiguration<Integration>
{
    public void Configure(EntityTypeBuilder<Integration> b)
    {
        b.Property(i => i.DisplayName).HasMaxLength(200);
        b.Property(i => i.ExternalId).HasMaxLength(1024);
        b.Property(i => i.Color).HasMaxLength(7);
        b.HasIndex(i => new { i.UserId, i.Provider, i.ExternalId }).IsUnique();
        // Webhooks look integrations up by channel id.
        b.HasIndex(i => i.ChannelId);
        // Notion webhooks look integrations up by the hash of their URL secret.
        b.Property(i => i.WebhookKeyHash).HasMaxLength(64);
        b.HasIndex(i => i.WebhookKeyHash).IsUnique();
        b.HasOne<User>().WithMany().HasForeignKey(i => i.UserId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne(i => i.Credential).WithMany().HasForeignKey(i => i.CredentialId).OnDelete(DeleteBehavior.SetNull);
        b.Ignore(i => i.IsPaused);
        b.Ignore(i => i.CanExport);
        b.Ignore(i => i.CanImport);
    }
}
