using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SyncDashboard.Core.Domain;

namespace SyncDashboard.Core.Persistence.Configurations;

internal sealed class OutboxItemConfiguration : IEntityTypeConfiguration<OutboxItem>
{
    public void Configure(EntityTypeBuilder<OutboxItem> b)
    {
        b.Property(o => o.Id).ValueGeneratedOnAdd();
        // The dispatcher's "what is due" scan and the status panel's per-integration counts.
        b.HasIndex(o => new { o.State, o.NextAttemptAt });
        b.HasIndex(o => new { o.IntegrationId, o.State });
        b.HasIndex(o => o.EventId);
    }
}

internal sealed class ConflictConfiguration : IEntityTypeConfiguration<Conflict>
{
    public void Configure(EntityTypeBuilder<Conflict> b)
    {
        b.HasIndex(c => new { c.UserId, c.ResolvedAt });
        b.HasIndex(c => c.EventId);
    }
}

internal sealed class SyncRunConfiguration : IEntityTypeConfiguration<SyncRun>
{
    public void Configure(EntityTypeBuilder<SyncRun> b)
    {
        b.Property(r => r.Id).ValueGeneratedOnAdd();
        b.HasIndex(r => new { r.IntegrationId, r.StartedAt });
        b.HasIndex(r => new { r.UserId, r.StartedAt });
    }
}

internal sealed class ChangeLogEntryConfiguration : IEntityTypeConfiguration<ChangeLogEntry>
{
    public void Configure(EntityTypeBuilder<ChangeLogEntry> b)
    {
        b.HasKey(c => new { c.UserId, c.Seq });
        b.Property(c => c.Seq).ValueGeneratedNever();
    }
}
