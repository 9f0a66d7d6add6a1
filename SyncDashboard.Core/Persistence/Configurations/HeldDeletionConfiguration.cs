using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SyncDashboard.Core.Domain;

namespace SyncDashboard.Core.Persistence.Configurations;

internal sealed class HeldDeletionConfiguration : IEntityTypeConfiguration<HeldDeletion>
{
    public void Configure(EntityTypeBuilder<HeldDeletion> b)
    {
        b.Property(h => h.Id).ValueGeneratedOnAdd();
        // One hold per event, side and direction: a pull that re-reports a held deletion (a crash between batches, a full resync) adds nothing.
        b.HasIndex(h => new { h.IntegrationId, h.EventId, h.Direction }).IsUnique();
        b.HasIndex(h => h.UserId);
    }
}
