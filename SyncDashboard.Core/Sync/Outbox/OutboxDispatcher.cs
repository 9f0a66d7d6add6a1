using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SyncDashboard.Core.Domain;
using SyncDashboard.Core.Events;
using SyncDashboard.Core.Notifications;
using SyncDashboard.Core.Persistence;
using SyncDashboard.Core.Sync.Merge;
using SyncDashboard.Core.Sync.MassDelete;
using SyncDashboard.Core.Sync.Progress;

namespace SyncDashboard.Core.Sync.Outbox;

public sealed record DispatchResult(int Sent, int Retrying, int DeadLettered, int Waiting)
{
    /// <summary>Rows this pass dealt with; zero means nothing was due.</summary>
    public int Processed => Sent + Retrying + DeadLettered + Waiting;
}

/// <summary>
/// Sends due outbox rows to their integrations — each integration's rows in order under its lock, up to four
/// integrations at once so one slow or rate-limited integration does not hold back the others — each row in its own unit of work.
/// Failures go back to the outbox with exponential backoff and jitter (a restart loses nothing) and dead-letter
/// after <see cref="SyncOptions.MaxAttempts"/>, with the last error kept for the user. A row being sent is held under a
/// lease (<see cref="SyncOptions.InFlightLease"/>); see OutboxDispatcher.Leases.cs.
/// </summary>
public sealed partial class OutboxDispatcher(
    IDbContextFactory<AppDbContext> dbFactory,
    ProviderRegistry providers,
    Reconciler reconciler,
    OutboundDeletionGuard deletionGuard,
    IntegrationLocks locks,
    IChangeNotifier notifier,
    SyncProgressNotifier progress,
    IOptions<SyncOptions> options,
    TimeProvider clock,
    ILogger<OutboxDispatcher> logger)
{
    private const int BatchSize = 200;
    private const int ParallelIntegrations = 4;

    /// <summary>Integrations with rows due now (for the worker, which drains each on its own).</summary>
    public async Task<IReadOnlyList<Guid>> DueIntegrationsAsync(CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var now = Now;
        // A row whose lease ran out is due too: the pass that drains its integration takes it back first.
        return await Unpaused(db)
            .Where(o => ((o.State == OutboxState.Pending || o.State == OutboxState.Failed) && o.NextAttemptAt <= now)
                || (o.State == OutboxState.InFlight && (o.LeaseExpiresAt == null || o.LeaseExpiresAt <= now)))
            .Select(o => o.IntegrationId).Distinct().ToListAsync(ct);
    }

    /// <summary>
    /// How long until the next waiting row falls due (a retry's backoff, a delete's undo window), so the worker wakes for it
    /// instead of at its next scheduled scan; null when nothing waits.
    /// </summary>
    public async Task<TimeSpan?> UntilNextDueAsync(CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var next = await Unpaused(db)
            .Where(o => o.State == OutboxState.Pending || o.State == OutboxState.Failed)
            .OrderBy(o => o.NextAttemptAt).Select(o => (DateTime?)o.NextAttemptAt).FirstOrDefaultAsync(ct);
        return next is { } at ? (at - Now is var wait && wait > TimeSpan.Zero ? wait : TimeSpan.Zero) : null;
    }

    /// <summary>
    /// Rows of integrations that are not paused: a paused integration's rows wait where they are, neither sent nor counted
    /// as due (the worker would otherwise wake for them at once, again and again).
    /// </summary>
    private static IQueryable<OutboxItem> Unpaused(AppDbContext db) =>
        db.Outbox.AsNoTracking().Where(o => db.Integrations.Any(i => i.Id == o.IntegrationId && i.PausedAt == null));

    /// <param name="trigger">What the push run is recorded as (the activity page): a change, or the user's Sync now.</param>
    public async Task<DispatchResult> DispatchDueAsync(Guid? onlyIntegrationId = null, SyncTrigger trigger = SyncTrigger.Change, CancellationToken ct = default)
    {
        List<OutboxItem> due;
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
        {
            var now = Now;
            await ReclaimExpiredAsync(db, now, onlyIntegrationId, ct);
            due = await Unpaused(db)
                .Where(o => (o.State == OutboxState.Pending || o.State == OutboxState.Failed) && o.NextAttemptAt <= now
                    && (onlyIntegrationId == null || o.IntegrationId == onlyIntegrationId))
                .OrderBy(o => o.Id).Take(BatchSize).ToListAsync(ct);
        }

        var totals = new Totals();
        await Parallel.ForEachAsync(due.GroupBy(o => o.IntegrationId), new ParallelOptions { MaxDegreeOfParallelism = ParallelIntegrations, CancellationToken = ct },
            async (group, token) =>
            {
                var changed = new HashSet<Guid>();
                var held = 0;
                var userId = group.First().UserId;
                var run = new PushRun(userId, group.Key, trigger, Now);
                var report = new SyncProgress(group.Key, SyncRunKind.Push, SyncStage.Started, 0, 0, 0, 0, group.Count(), default);
                using (await locks.AcquireAsync(group.Key, token))
                {
                    progress.Report(userId, report);
                    try
                    {
                        // Held rows are skipped below (their state is no longer pending); the dashboard must show the hold.
                        held = await deletionGuard.HoldBurstAsync(group.Key, token);
                        foreach (var item in group)
                        {
                            var outcome = await ProcessAsync(item.Id, token);
                            totals.Add(outcome);
                            run.Add(item.Operation, outcome);
                            if (outcome != ItemOutcome.Skipped) changed.Add(item.EventId);
                            if (outcome == ItemOutcome.Sent) progress.Report(userId, report = report with { Stage = SyncStage.Sending, ChangesSent = report.ChangesSent + 1 });
                        }
                    }
                    finally
                    {
                        progress.Report(userId, report with { Stage = SyncStage.Finished });
                    }
                }
                // Recorded before the pass reports back, so whoever asked for the pass finds its run on the activity page.
                await SaveRunAsync(run);
                // Sync chips and the status panel follow the outbox too.
                if (changed.Count > 0 || held > 0) await notifier.PublishAsync(group.First().UserId, group.Key, changed, token);
            });
        return new DispatchResult(totals.Sent, totals.Retrying, totals.DeadLettered, totals.Waiting);
    }

    private async Task<ItemOutcome> ProcessAsync(long itemId, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var item = await db.Outbox.FirstOrDefaultAsync(o => o.Id == itemId, ct);
        if (item is null || item.State is not (OutboxState.Pending or OutboxState.Failed)) return ItemOutcome.Skipped;
        var integration = await db.Integrations.Include(i => i.Credential).FirstAsync(i => i.Id == item.IntegrationId, ct);
        var ev = await db.Events.FirstAsync(e => e.Id == item.EventId && e.UserId == item.UserId, ct);
        var link = await db.EventLinks.FirstOrDefaultAsync(l => l.EventId == ev.Id && l.IntegrationId == integration.Id, ct);

        // Paused between the scan and this row: it waits untouched, and resuming makes it due again.
        if (integration.IsPaused) return ItemOutcome.Skipped;
        if (!integration.IsActive || integration.Credential?.NeedsReconnect == true)
        {
            // The grant is dead: keep the change queued (never lose it) and look again later.
            item.NextAttemptAt = Now + options.Value.ReconnectWait;
            item.LastError = "Waiting for the integration to be reconnected.";
            await db.SaveChangesAsync(ct);
            return ItemOutcome.Waiting;
        }

        var lease = options.Value.InFlightLease;
        if (!await ClaimAsync(db, item, lease, ct)) return ItemOutcome.Skipped;
        // What was read before the claim may have changed meanwhile (an undone delete turns its row back into an update).
        await db.Entry(item).ReloadAsync(ct);
        await db.Entry(ev).ReloadAsync(ct);
        // The send ends when its lease does, so an expired lease always means nobody is still sending the row.
        using var leaseTimer = new CancellationTokenSource(lease, clock);
        using var send = CancellationTokenSource.CreateLinkedTokenSource(ct, leaseTimer.Token);
        try
        {
            await SendAsync(db, integration, ev, link, item, send.Token);
            if (link is not null)
            {
                link.State = LinkState.Synced;
                link.LastError = null;
                link.LastSyncedAt = Now;
            }
            await using (var tx = await db.Database.BeginTransactionAsync(ct))
            {
                await db.SaveChangesAsync(ct);
                // Completed only if still ours: a change queued into this row while it was in flight put it back to Pending
                // (OutboxWriter), and the event as it is now goes in the next pass.
                var now = Now;
                var completed = await db.Outbox.Where(o => o.Id == item.Id && o.State == OutboxState.InFlight)
                    .ExecuteUpdateAsync(u => u
                        .SetProperty(o => o.State, OutboxState.Completed)
                        .SetProperty(o => o.LeaseExpiresAt, (DateTime?)null)
                        .SetProperty(o => o.CompletedAt, now)
                        .SetProperty(o => o.LastError, (string?)null)
                        .SetProperty(o => o.UpdatedAt, now), ct);
                await tx.CommitAsync(ct);
                if (completed == 0)
                    logger.LogInformation("Event {EventId} changed again while it was being sent to integration {IntegrationId}; its row stays queued",
                        ev.Id, integration.Id);
            }
            logger.LogInformation("Sent {Operation} of event {EventId} to integration {IntegrationId} (external {ExternalId}, attempt {Attempt})",
                item.Operation, ev.Id, integration.Id, link?.ExternalId, item.Attempts);
            return ItemOutcome.Sent;
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            if (ex is OperationCanceledException && leaseTimer.IsCancellationRequested)
                ex = new TransientProviderException($"The send took longer than its lease (Sync:InFlightLease, {lease}).", null, ex);
            return await FailAsync(db, integration, link, item, ex, ct);
        }
    }

    private async Task SendAsync(AppDbContext db, Integration integration, CalendarEvent ev, EventLink? link, OutboxItem item, CancellationToken ct)
    {
        var provider = providers.For(integration.Provider);
        if (ev.SeriesId is { } seriesId && link?.ExternalId is null) link = await AddressOccurrenceAsync(db, provider, integration, ev, seriesId, link, ct);
        if (ev.IsDeleted || item.Operation == OutboxOperation.Delete)
        {
            // A create that landed without its answer (cut off, or the process restarted) left no id; its copy must go too.
            var externalId = link?.ExternalId ?? (link is null ? null : await provider.FindCreatedAsync(integration, ev.Id, ev.ToFields(), ct));
            if (externalId is not null)
            {
                await provider.DeleteAsync(integration, externalId, ct);
                if (link!.ExternalId is null)
                    logger.LogInformation("Deleted {ExternalId} in integration {IntegrationId}, made for event {EventId} by a create whose answer never arrived",
                        externalId, integration.Id, ev.Id);
            }
            return;
        }
        link ??= db.EventLinks.Add(new EventLink { UserId = ev.UserId, EventId = ev.Id, IntegrationId = integration.Id }).Entity;
        var fields = ev.ToFields();
        RemoteWriteResult result;
        if (link.ExternalId is null)
        {
            result = await provider.CreateAsync(integration, ev.Id, fields, ct);
        }
        else
        {
            try
            {
                result = await provider.UpdateAsync(integration, ev.Id, link.ExternalId, link.RemoteVersion, fields, ct);
            }
            catch (RemoteVersionMismatchException)
            {
                // Someone edited it there since our last read: merge their version in, then write the merged result.
                logger.LogInformation("Event {EventId} changed in integration {IntegrationId} since our last read; merging before writing", ev.Id, integration.Id);
                var remote = await provider.GetAsync(integration, link.ExternalId, ct);
                if (remote is null || remote.Deleted)
                {
                    result = await provider.CreateAsync(integration, ev.Id, fields, ct);
                }
                else
                {
                    await reconciler.ApplyAsync(db, integration, remote, new ReconcileOutcome(), ct);
                    fields = ev.ToFields();
                    result = await provider.UpdateAsync(integration, ev.Id, link.ExternalId, remote.Version, fields, ct);
                }
            }
        }
        link.ExternalId = result.ExternalId;
        link.RemoteVersion = result.Version;
        link.WebLink = WebLinks.Safe(result.WebLink) ?? link.WebLink;
        link.BaseFields = FieldsJson.Serialize(result.Stored ?? fields);
    }

    /// <summary>
    /// An override is written to its series' occurrence where the side has occurrences of its own (Google's instance id: the
    /// write makes it an exception, a delete cancels the date); elsewhere it is an event like any other.
    /// </summary>
    private static async Task<EventLink?> AddressOccurrenceAsync(AppDbContext db, ICalendarProvider provider, Integration integration,
        CalendarEvent ev, Guid seriesId, EventLink? link, CancellationToken ct)
    {
        var seriesLink = await db.EventLinks.AsNoTracking().FirstOrDefaultAsync(l => l.EventId == seriesId && l.IntegrationId == integration.Id, ct);
        if (seriesLink is null || ev.OriginalStart is not { } originalStart || !provider.HasOccurrences) return link;
        if (seriesLink.ExternalId is null)
        {
            // A series deleted before it got there never will: its cancelled or changed dates have nothing to address.
            if (await db.Events.AnyAsync(e => e.Id == seriesId && e.IsDeleted, ct)) return link;
            throw new TransientProviderException("The series has not reached this calendar yet; the change to one of its occurrences waits for it.");
        }
        // The instance id follows the series' kind of time, not the override's (an occurrence of a timed series made all-day).
        var seriesIsAllDay = await db.Events.Where(e => e.Id == seriesId).Select(e => e.IsAllDay).FirstOrDefaultAsync(ct);
        if (provider.OccurrenceId(seriesLink.ExternalId, originalStart, seriesIsAllDay) is not { } occurrenceId) return link;
        link ??= db.EventLinks.Add(new EventLink { UserId = ev.UserId, EventId = ev.Id, IntegrationId = integration.Id }).Entity;
        link.ExternalId = occurrenceId;
        return link;
    }

    private async Task<ItemOutcome> FailAsync(AppDbContext db, Integration integration, EventLink? link, OutboxItem item, Exception ex, CancellationToken ct)
    {
        // Start from the stored state: the failed attempt may have left half-applied changes in this context.
        db.ChangeTracker.Clear();
        item = await db.Outbox.FirstAsync(o => o.Id == item.Id, CancellationToken.None);
        link = link is null ? null : await db.EventLinks.FirstOrDefaultAsync(l => l.Id == link.Id, CancellationToken.None);
        var message = SyncFailureText.For(ex, integration.Provider.ToString());
        item.LastError = message;
        item.LeaseExpiresAt = null;
        ItemOutcome outcome;

        if (ex is ReconnectRequiredException)
        {
            item.State = OutboxState.Pending;
            item.Attempts = Math.Max(0, item.Attempts - 1);
            item.NextAttemptAt = Now + options.Value.ReconnectWait;
            var stored = await db.Integrations.Include(i => i.Credential).FirstAsync(i => i.Id == integration.Id, CancellationToken.None);
            stored.MarkNeedsReconnect(message);
            outcome = ItemOutcome.Waiting;
        }
        else if (ex is PermanentProviderException || item.Attempts >= options.Value.MaxAttempts)
        {
            item.State = OutboxState.DeadLettered;
            item.LastError = message = SyncFailureText.GaveUp(ex, integration.Provider.ToString(), item.Attempts);
            outcome = ItemOutcome.DeadLettered;
        }
        else
        {
            item.State = OutboxState.Failed;
            item.NextAttemptAt = Now + Backoff(item.Attempts, (ex as TransientProviderException)?.RetryAfter);
            outcome = ItemOutcome.Retrying;
        }
        if (link is not null)
        {
            link.State = outcome == ItemOutcome.DeadLettered ? LinkState.Failed : LinkState.Pending;
            link.LastError = message;
        }
        await db.SaveChangesAsync(CancellationToken.None);
        logger.LogWarning(ex, "{Operation} of event {EventId} to integration {IntegrationId} failed (attempt {Attempt}, now {Outcome}): {Error}",
            item.Operation, item.EventId, integration.Id, item.Attempts, outcome, message);
        return outcome;
    }

    /// <summary>Exponential with ±25 % jitter, never sooner than the provider's Retry-After.</summary>
    internal TimeSpan Backoff(int attempts, TimeSpan? retryAfter)
    {
        var o = options.Value;
        var exponential = o.RetryBaseDelay.TotalMilliseconds * Math.Pow(2, Math.Max(0, attempts - 1));
        var capped = Math.Min(exponential, o.RetryMaxDelay.TotalMilliseconds);
        var jittered = capped * (0.75 + Random.Shared.NextDouble() * 0.5);
        return TimeSpan.FromMilliseconds(Math.Max(jittered, retryAfter?.TotalMilliseconds ?? 0));
    }

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    private enum ItemOutcome { Sent, Retrying, DeadLettered, Waiting, Skipped }

    private async Task SaveRunAsync(PushRun run)
    {
        try { await run.SaveAsync(dbFactory, clock); }
        catch (Exception ex) { logger.LogWarning(ex, "Could not record a push run"); }
    }

    /// <summary>One integration's share of a dispatch pass, recorded as a push run once something was sent or failed.</summary>
    private sealed class PushRun(Guid userId, Guid integrationId, SyncTrigger trigger, DateTime startedAt)
    {
        private readonly System.Diagnostics.Stopwatch _watch = System.Diagnostics.Stopwatch.StartNew();
        private int _created, _updated, _deleted, _failed;

        public void Add(OutboxOperation operation, ItemOutcome outcome)
        {
            if (outcome is ItemOutcome.Retrying or ItemOutcome.DeadLettered) _failed++;
            if (outcome != ItemOutcome.Sent) return;
            if (operation == OutboxOperation.Create) _created++;
            else if (operation == OutboxOperation.Delete) _deleted++;
            else _updated++;
        }

        public Task SaveAsync(IDbContextFactory<AppDbContext> dbFactory, TimeProvider clock)
        {
            if (_created + _updated + _deleted + _failed == 0) return Task.CompletedTask;
            var run = new SyncRun
            {
                UserId = userId, IntegrationId = integrationId, Kind = SyncRunKind.Push, Trigger = trigger, StartedAt = startedAt,
                Failed = _failed, Requests = 0,
            };
            return SyncRunLog.SaveAsync(dbFactory, run, _watch, new ReconcileOutcome { Created = _created, Updated = _updated, Deleted = _deleted }, clock);
        }
    }

    private sealed class Totals
    {
        public int Sent, Retrying, DeadLettered, Waiting;
        public void Add(ItemOutcome o)
        {
            switch (o)
            {
                case ItemOutcome.Sent: Interlocked.Increment(ref Sent); break;
                case ItemOutcome.Retrying: Interlocked.Increment(ref Retrying); break;
                case ItemOutcome.DeadLettered: Interlocked.Increment(ref DeadLettered); break;
                case ItemOutcome.Waiting: Interlocked.Increment(ref Waiting); break;
            }
        }
    }
}
