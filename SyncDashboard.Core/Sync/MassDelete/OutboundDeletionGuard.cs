using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SyncDashboard.Core.Domain;
using SyncDashboard.Core.Persistence;

namespace SyncDashboard.Core.Sync.MassDelete;

/// <summary>
/// Run by the dispatcher before it sends an integration's due rows (ADR 0015): when the app's own deletions waiting for
/// that integration — due or still in their undo window — are a burst, the due ones are held instead of sent. Deletions
/// relayed from another integration's pull, or applied by the user, are <see cref="OutboxItem.GuardCleared"/> and pass.
/// </summary>
public sealed class OutboundDeletionGuard(
    IDbContextFactory<AppDbContext> dbFactory,
    IOptions<MassDeleteOptions> options,
    TimeProvider clock,
    ILogger<OutboundDeletionGuard> logger)
{
    /// <summary>Holds the integration's due deletions if they are a burst; returns how many it held.</summary>
    public async Task<int> HoldBurstAsync(Guid integrationId, CancellationToken ct)
    {
        if (!options.Value.Enabled) return 0;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var now = clock.GetUtcNow().UtcDateTime;
        var waiting = await db.Outbox.Where(o => o.IntegrationId == integrationId && o.Operation == OutboxOperation.Delete && !o.GuardCleared
            && (o.State == OutboxState.Pending || o.State == OutboxState.Failed)).ToListAsync(ct);
        var due = waiting.Where(o => o.NextAttemptAt <= now).ToList();
        if (due.Count == 0) return 0;
        var holding = await db.HeldDeletions.AnyAsync(h => h.IntegrationId == integrationId && h.Direction == HeldDirection.Outbound, ct);
        // The events being deleted are still linked: they count among the integration's events as they were before the burst.
        if (!holding && !options.Value.Trips(waiting.Count, await InboundDeletionGuard.LiveLinks(db, integrationId).CountAsync(ct) + waiting.Count))
            return 0;

        var eventIds = due.Select(o => o.EventId).ToList();
        var externalIds = await db.EventLinks.Where(l => l.IntegrationId == integrationId && eventIds.Contains(l.EventId))
            .ToDictionaryAsync(l => l.EventId, l => l.ExternalId, ct);
        foreach (var row in due)
        {
            row.State = OutboxState.Held;
            row.LastError = null;
            db.HeldDeletions.Add(new HeldDeletion
            {
                UserId = row.UserId, IntegrationId = integrationId, EventId = row.EventId, ExternalId = externalIds.GetValueOrDefault(row.EventId),
                Direction = HeldDirection.Outbound, DetectedAt = now,
            });
        }
        db.SyncRuns.Add(new SyncRun
        {
            UserId = due[0].UserId, IntegrationId = integrationId, Kind = SyncRunKind.Push, Trigger = SyncTrigger.Change,
            StartedAt = now, FinishedAt = now, Held = due.Count,
        });
        await db.SaveChangesAsync(ct);
        logger.LogWarning("Held {Count} deletions ({Direction}) to integration {IntegrationId} ({Waiting} of the app's deletions waiting for it); the user applies or discards them",
            due.Count, HeldDirection.Outbound, integrationId, waiting.Count);
        return due.Count;
    }
}
