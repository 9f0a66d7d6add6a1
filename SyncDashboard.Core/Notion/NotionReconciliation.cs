using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SyncDashboard.Core.Domain;
using SyncDashboard.Core.Notifications;
using SyncDashboard.Core.Persistence;
using SyncDashboard.Core.Sync;
using SyncDashboard.Core.Sync.Outbox;
using SyncDashboard.Core.Sync.Merge;
using SyncDashboard.Core.Sync.MassDelete;

namespace SyncDashboard.Core.Notion;

public sealed record NotionReconcileResult(Guid IntegrationId, int Known, int Live, int Deleted, int Requests, string? Error);

/// <summary>
/// The periodic scan for pages that left the database without a trash event the poll could see (unshared, moved,
/// purged). Every candidate is confirmed with a page retrieve before its event is deleted, so a short or empty
/// listing never turns into a mass deletion.
/// </summary>
public sealed class NotionReconciliation(
    IDbContextFactory<AppDbContext> dbFactory,
    NotionCalendarProvider provider,
    Reconciler reconciler,
    InboundDeletionGuard deletionGuard,
    IntegrationLocks locks,
    IChangeNotifier notifier,
    IOutboxSignal outboxSignal,
    IOptions<NotionOptions> options,
    TimeProvider clock,
    ILogger<NotionReconciliation> logger)
{
    public bool IsDue(DateTime? lastFullScanAt) =>
        lastFullScanAt is not { } last || clock.GetUtcNow().UtcDateTime - last >= options.Value.ReconcileInterval;

    public async Task<NotionReconcileResult> RunAsync(Guid integrationId, CancellationToken ct)
    {
        using var _ = await locks.AcquireAsync(integrationId, ct);
        var watch = Stopwatch.StartNew();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var integration = await db.Integrations.Include(i => i.Credential).FirstOrDefaultAsync(i => i.Id == integrationId, ct);
        if (integration is not { Provider: Provider.Notion, CanImport: true } || integration.Credential?.NeedsReconnect == true)
            return new NotionReconcileResult(integrationId, 0, 0, 0, 0, null);

        var known = await db.EventLinks.Where(l => l.IntegrationId == integrationId && l.ExternalId != null && !l.Event!.IsDeleted)
            .Select(l => l.ExternalId!).ToListAsync(ct);
        var run = new SyncRun
        {
            UserId = integration.UserId, IntegrationId = integrationId, Kind = SyncRunKind.Pull, Trigger = SyncTrigger.Schedule,
            StartedAt = clock.GetUtcNow().UtcDateTime,
        };
        var outcome = new ReconcileOutcome();
        NotionVanishedScan? scan = null;
        try
        {
            scan = await provider.FindVanishedAsync(integration, known, ct);
            run.Requests = scan.Requests;
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            var now = clock.GetUtcNow().UtcDateTime;
            var vanished = scan.VanishedPageIds.Select(pageId => new RemoteEvent(pageId, null, Deleted: true, null, now)).ToList();
            // A database unshared from the integration vanishes whole: the same guard as a pull's deletions (ADR 0015).
            var guarded = await deletionGuard.HoldBurstAsync(db, integration, vanished, ct);
            run.Held = guarded.Held;
            foreach (var remote in guarded.ToApply) await reconciler.ApplyAsync(db, integration, remote, outcome, ct);
            integration.LastFullScanAt = now;
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
            logger.LogInformation("Reconciled Notion integration {IntegrationId}: {Known} known pages, {Live} live, deleted events {EventIds} for vanished pages {PageIds}",
                integrationId, known.Count, scan.LivePages, outcome.ChangedEventIds, scan.VanishedPageIds);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            run.Error = SyncFailureText.For(ex, "Notion");
            logger.LogWarning(ex, "Reconciliation of Notion integration {IntegrationId} failed: {Error}", integrationId, run.Error);
        }
        finally
        {
            await SyncRunLog.SaveAsync(dbFactory, run, watch, outcome, clock);
        }
        if (outcome.ChangedEventIds.Count > 0 || run.Held > 0)
        {
            outboxSignal.Notify();
            await notifier.PublishAsync(integration.UserId, integrationId, outcome.ChangedEventIds, ct);
        }
        return new NotionReconcileResult(integrationId, known.Count, scan?.LivePages ?? 0, outcome.Deleted, run.Requests, run.Error);
    }
}
