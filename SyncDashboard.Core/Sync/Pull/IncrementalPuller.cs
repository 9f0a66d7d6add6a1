using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using SyncDashboard.Core.Domain;
using SyncDashboard.Core.Notifications;
using SyncDashboard.Core.Persistence;
using SyncDashboard.Core.Sync.Outbox;
using SyncDashboard.Core.Sync.Merge;
using SyncDashboard.Core.Sync.MassDelete;
using SyncDashboard.Core.Sync.Progress;

namespace SyncDashboard.Core.Sync.Pull;

public sealed record PullResult(Guid IntegrationId, int Created, int Updated, int Deleted, int Conflicts, int Requests, bool FullSync, string? Error, int Held = 0)
{
    /// <summary>The setup guide's flag: the pull ran to the end (its error says why not).</summary>
    public bool Success => Error is null;
}

/// <summary>
/// Pulls one integration's changes since its cursor and reconciles them in one transaction; the cursor moves in
/// that same transaction, so it never runs ahead of the changes it covers. An expired cursor means a full listing
/// that merges into what we have.
/// </summary>
public sealed class IncrementalPuller(
    IDbContextFactory<AppDbContext> dbFactory,
    ProviderRegistry providers,
    Reconciler reconciler,
    InboundDeletionGuard deletionGuard,
    IntegrationLocks locks,
    IChangeNotifier notifier,
    IOutboxSignal outboxSignal,
    SyncProgressNotifier progress,
    TimeProvider clock,
    ILogger<IncrementalPuller> logger)
{
    private const int BatchSize = 500;

    public async Task<PullResult> PullAsync(Guid integrationId, SyncTrigger trigger, CancellationToken ct = default)
    {
        using var _ = await locks.AcquireAsync(integrationId, ct);
        var watch = Stopwatch.StartNew();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var integration = await db.Integrations.Include(i => i.Credential).FirstOrDefaultAsync(i => i.Id == integrationId, ct);
        if (integration is null || !integration.IsActive || integration.IsPaused || !integration.CanImport || integration.Credential?.NeedsReconnect == true)
            return new PullResult(integrationId, 0, 0, 0, 0, 0, false, integration is null ? "Integration not found." : null);

        var run = new SyncRun
        {
            UserId = integration.UserId, IntegrationId = integration.Id, Kind = SyncRunKind.Pull, Trigger = trigger,
            StartedAt = clock.GetUtcNow().UtcDateTime,
        };
        var outcome = new ReconcileOutcome();
        var fullSync = false;
        var report = new PullProgress(progress, integration.UserId, integration.Id);
        try
        {
            var provider = providers.For(integration.Provider);
            RemoteChanges changes;
            try
            {
                changes = await provider.FetchChangesAsync(integration, integration.Cursor, report, ct);
            }
            catch (CursorExpiredException ex)
            {
                logger.LogWarning("Cursor of integration {IntegrationId} expired ({Reason}); running a full resync that merges", integration.Id, ex.Message);
                changes = await provider.FetchChangesAsync(integration, null, report, ct);
            }
            fullSync = changes.IsFullSync;
            run.Requests = changes.Requests;
            // The whole run's deletions are judged before any is applied; the cursor still moves past held ones (ADR 0015).
            var guarded = await deletionGuard.HoldBurstAsync(db, integration, changes.Events, ct);
            run.Held = guarded.Held;

            // Reconciling looks at the change tracker's local view per item; automatic change detection would rescan every
            // tracked entity each time (quadratic in the batch), so detect once per commit instead.
            db.ChangeTracker.AutoDetectChangesEnabled = false;
            var batches = guarded.ToApply.Chunk(BatchSize).ToList();
            if (batches.Count == 0) batches.Add([]);
            report.Applied(0, guarded.ToApply.Count);
            for (var b = 0; b < batches.Count; b++)
            {
                // Short transactions keep SQLite's single write lock available to the API and the outbox during a big
                // import. Re-applying a committed batch after a crash is harmless (links make it idempotent); the cursor
                // moves only with the last batch.
                await using var tx = await db.Database.BeginTransactionAsync(ct);
                foreach (var remote in batches[b]) await reconciler.ApplyAsync(db, integration, remote, outcome, ct);
                if (b == batches.Count - 1)
                {
                    if (changes.NextCursor is not null) integration.Cursor = changes.NextCursor;
                    integration.LastSyncAt = clock.GetUtcNow().UtcDateTime;
                    integration.LastSyncError = null;
                    if (integration.Status == IntegrationStatus.Error) integration.Status = IntegrationStatus.Active;
                }
                db.ChangeTracker.DetectChanges();
                await db.SaveChangesAsync(ct);
                await tx.CommitAsync(ct);
                report.Applied(Math.Min((b + 1) * BatchSize, guarded.ToApply.Count), guarded.ToApply.Count);
            }
            logger.LogInformation(
                "Pulled integration {IntegrationId} ({Trigger}, full: {FullSync}): {Count} items, {Created} created, {Updated} updated, {Deleted} deleted, {Conflicts} conflicts, events {EventIds}",
                integration.Id, trigger, fullSync, changes.Events.Count, outcome.Created, outcome.Updated, outcome.Deleted, outcome.Conflicts, outcome.ChangedEventIds);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            run.Error = SyncFailureText.For(ex, integration.Provider.ToString());
            logger.LogWarning(ex, "Pull of integration {IntegrationId} failed: {Error}", integration.Id, run.Error);
            await RecordFailureAsync(integration.Id, ex, run.Error, ct);
        }
        finally
        {
            await SyncRunLog.SaveAsync(dbFactory, run, watch, outcome, clock);
            report.Finished();
        }

        if (outcome.ChangedEventIds.Count > 0 || run.Held > 0)
        {
            outboxSignal.Notify();
            await notifier.PublishAsync(integration.UserId, integration.Id, outcome.ChangedEventIds, ct);
        }
        return new PullResult(integration.Id, outcome.Created, outcome.Updated, outcome.Deleted, outcome.Conflicts, run.Requests, fullSync, run.Error, run.Held);
    }

    private async Task RecordFailureAsync(Guid integrationId, Exception ex, string message, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(CancellationToken.None);
        var integration = await db.Integrations.Include(i => i.Credential).FirstAsync(i => i.Id == integrationId, CancellationToken.None);
        integration.LastSyncError = message;
        if (ex is ReconnectRequiredException) integration.MarkNeedsReconnect(message);
        else if (ex is PermanentProviderException) integration.Status = IntegrationStatus.Error;
        await db.SaveChangesAsync(CancellationToken.None);
        await notifier.PublishAsync(integration.UserId, integration.Id, [], CancellationToken.None);
    }
}
