using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using SyncDashboard.Core.Common;
using SyncDashboard.Core.Domain;
using SyncDashboard.Core.Notifications;
using SyncDashboard.Core.Persistence;
using SyncDashboard.Core.Sync.Outbox;

namespace SyncDashboard.Core.Sync.Activity;

/// <summary>
/// "Retry" on a failed or dead-lettered change: the row goes back in line, due now, with its attempts reset (ADR 0020).
/// A newer change waiting for the same event and integration takes the retried one in instead: the dispatcher sends the
/// event as it is, so one row per event and target is enough.
/// </summary>
public sealed class OutboxRetry(
    IDbContextFactory<AppDbContext> dbFactory, ActivityService activity, IOutboxSignal outboxSignal, IChangeNotifier notifier, TimeProvider clock,
    ILogger<OutboxRetry> logger)
{
    public static bool CanRetry(OutboxState state, IntegrationStatus integration) =>
        state is OutboxState.Failed or OutboxState.DeadLettered && integration != IntegrationStatus.Disconnected;

    /// <summary>The change as it is now; not found for another user's row, a conflict for one that cannot be retried.</summary>
    public async Task<OutboxChangeDto> RetryAsync(Guid userId, long itemId, CancellationToken ct = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        long retriedId;
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
        {
            var item = await db.Outbox.FirstOrDefaultAsync(o => o.Id == itemId && o.UserId == userId, ct)
                ?? throw new NotFoundException($"Change {itemId} was not found.");
            var integration = await db.Integrations.AsNoTracking().FirstAsync(i => i.Id == item.IntegrationId, ct);
            if (integration.Status == IntegrationStatus.Disconnected)
                throw new StateConflictException($"{integration.DisplayName} is disconnected: connect it again to send changes there.");
            if (item.State is not (OutboxState.Failed or OutboxState.DeadLettered))
                throw new StateConflictException($"Only a failed or dead-lettered change can be retried; this one is {item.State}.");

            var newer = await db.Outbox.FirstOrDefaultAsync(o => o.Id != item.Id && o.EventId == item.EventId && o.IntegrationId == item.IntegrationId
                && (o.State == OutboxState.Pending || o.State == OutboxState.Failed), ct);
            var target = newer ?? item;
            if (newer is not null)
            {
                newer.Operation = OutboxWriter.Coalesce(item.Operation, newer.Operation);
                db.Outbox.Remove(item);
            }
            (target.State, target.Attempts, target.NextAttemptAt, target.LastError, target.LeaseExpiresAt) = (OutboxState.Pending, 0, now, null, null);
            await db.EventLinks.Where(l => l.EventId == target.EventId && l.IntegrationId == target.IntegrationId && l.State == LinkState.Failed)
                .ExecuteUpdateAsync(s => s.SetProperty(l => l.State, LinkState.Pending).SetProperty(l => l.LastError, (string?)null), ct);
            await db.SaveChangesAsync(ct);
            retriedId = target.Id;
            logger.LogInformation("User {UserId} retried change {ItemId} (now row {RetriedId}) for integration {IntegrationId}", userId, itemId, retriedId, target.IntegrationId);
        }
        outboxSignal.Notify();
        var change = await activity.ChangeAsync(userId, retriedId, ct);
        await notifier.PublishAsync(userId, change.IntegrationId, [change.EventId], ct);
        return change;
    }
}
