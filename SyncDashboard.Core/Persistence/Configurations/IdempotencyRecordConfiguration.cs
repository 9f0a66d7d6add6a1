using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SyncDashboard.Core.Domain;
using SyncDashboard.Core.Idempotency;

namespace SyncDashboard.Core.Persistence.Configurations;

internal sealed class IdempotencyRecordConfiguration : IEntityTypeConfiguration<IdempotencyRecord>
{
    public void Configure(EntityTypeBuilder<IdempotencyRecord> b)
    {
        b.Property(r => r.Id).ValueGeneratedOnAdd();
        b.Property(r => r.Key).HasMaxLength(IdempotencyKeys.MaxKeyLength);
        b.Property(r => r.Fingerprint).HasMaxLength(64);
        b.Property(r => r.ContentType).HasMaxLength(200);
        b.Property(r => r.Location).HasMaxLength(2000);
        // The unique index is the claim: of two requests with one key, the second insert fails and reads the first's row.
        b.HasIndex(r => new { r.UserId, r.Key }).IsUnique();
        b.HasIndex(r => r.ExpiresAt);
        b.HasOne<User>().WithMany().HasForeignKey(r => r.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}
