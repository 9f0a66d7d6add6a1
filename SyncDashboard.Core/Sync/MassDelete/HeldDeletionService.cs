using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using SyncDashboard.Core.Common;
using SyncDashboard.Core.Domain;
using SyncDashboard.Core.Events;
using SyncDashboard.Core.Notifications;
using SyncDashboard.Core.Persistence;
using SyncDashboard.Core.Sync.Merge;
using SyncDashboard.Core.Sync.Outbox;

namespace SyncDashboard.Core.Sync.MassDelete;

/// <summary>The user's answer to a held burst of deletions (ADR 0015): apply them as they would have been, or keep the events.</summary>
public sealed class HeldDeletionService(
    IDbContextFactory<AppDbContext> dbFactory,
    Reconciler reconciler,
    IntegrationLocks locks,
    IChangeNotifier notifier,
    IOutboxSignal outboxSignal,
    TimeProvider clock,
    ILogger<HeldDeletionService> logger)
{
    private const int TitlesShown = 5;

    public async Task<IReadOnlyList<HeldDeletionGroup>> ListAsync(Guid userId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var rows = await (from h in db.HeldDeletions.AsNoTracking()
                          join e in db.Events.AsNoTracking() on h.EventId equals e.Id
                          join i in db.Integrations.AsNoTracking() on h.IntegrationId equals i.Id
                          where h.UserId == userId && i.UserId == userId
                          select new { h.IntegrationId, i.Provider, i.DisplayName, h.Direction, h.DetectedAt, e.Title, e.Start }).ToListAsync(ct);
        return rows.GroupBy(r => (r.IntegrationId, r.Direction))
            .Select(g => new HeldDeletionGroup(g.Key.IntegrationId, g.First().Provider, g.First().DisplayName, g.Key.Direction, g.Count(),
                new DateTimeOffset(g.Min(r => r.DetectedAt), TimeSpan.Zero),
                g.OrderBy(r => r.Start).ThenBy(r => r.Title).Take(TitlesShown).Select(r => r.Title).ToList()))
            .OrderBy(g => g.DetectedAt).ThenBy(g => g.IntegrationName).ToList();
    }

    /// <summary>
    /// Deletes in the app what the integration deleted, exactly as a pull would have (the other integrations hear of it),
    /// and sends the app's held deletions to it. Neither is judged by the guard again.
    /// </summary>
    public Task<HeldDeletionsSettled> ApplyAsync(Guid userId, Guid integrationId, CancellationToken ct = default) =>
        SettleAsync(userId, integrationId, apply: true, ct);

    /// <summary>
    /// Keeps the events: those the integration deleted are written back to it; those the app deleted are restored in the
    /// app, and no deletion of theirs is sent anywhere.
    /// </summary>
    public Task<HeldDeletionsSettled> DiscardAsync(Guid userId, Guid integrationId, CancellationToken ct = default) =>
        SettleAsync(userId, integrationId, apply: false, ct);

    private async Task<HeldDeletionsSettled> SettleAsync(Guid userId, Guid integrationId, bool apply, CancellationToken ct)
    {
        using var _ = await locks.AcquireAsync(integrationId, ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var integration = await db.Integrations.FirstOrDefaultAsync(i => i.Id == integrationId && i.UserId == userId, ct)
            ?? throw new NotFoundException($"Integration {integrationId} was not found.");
        var holds = await db.HeldDeletions.Where(h => h.IntegrationId == integrationId && h.UserId == userId).ToListAsync(ct);
        if (holds.Count == 0) throw new NotFoundException($"No deletions are held for integration {integrationId}.");

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var now = clock.GetUtcNow().UtcDateTime;
        var inbound = holds.Where(h => h.Direction == HeldDirection.Inbound).ToList();
        var outbound = holds.Where(h => h.Direction == HeldDirection.Outbound).ToList();
        var changed = new HashSet<Guid>();
        if (apply)
        {
            var outcome = new ReconcileOutcome();
            foreach (var h in inbound.Where(h => h.ExternalId is not null))
                await reconciler.ApplyAsync(db, integration, new RemoteEvent(h.ExternalId!, null, Deleted: true, null, now), outcome, ct);
            changed.UnionWith(outcome.ChangedEventIds);
            await ReleaseOutboundAsync(db, integrationId, now, ct);
        }
        else
        {
            await HeldDeletionWriteBack.WriteBackAsync(db, integrationId, inbound.Select(h => h.EventId).ToList(), now, ct);
            changed.UnionWith(inbound.Select(h => h.EventId));
            changed.UnionWith(await HeldDeletionWriteBack.RestoreAsync(db, userId, integrationId, outbound.Select(h => h.EventId).ToList(), now, ct));
        }
        db.HeldDeletions.RemoveRange(holds);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        logger.LogInformation("{Action} {Inbound} inbound and {Outbound} outbound held deletions of integration {IntegrationId} for user {UserId}",
            apply ? "Applied" : "Discarded", inbound.Count, outbound.Count, integrationId, userId);

        outboxSignal.Notify();
        await notifier.PublishAsync(userId, integrationId, changed, ct);
        return new HeldDeletionsSettled(integrationId, inbound.Count, outbound.Count);
    }

    private static async Task ReleaseOutboundAsync(AppDbContext db, Guid integrationId, DateTime now, CancellationToken ct)
    {
        var rows = await db.Outbox.Where(o => o.IntegrationId == integrationId && o.State == OutboxState.Held).ToListAsync(ct);
        foreach (var row in rows)
        {
            row.State = OutboxState.Pending;
            row.NextAttemptAt = now;
            row.Attempts = 0;
            row.GuardCleared = true;
        }
    }
}
