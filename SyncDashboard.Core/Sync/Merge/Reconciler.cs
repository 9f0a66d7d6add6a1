using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using SyncDashboard.Core.Domain;
using SyncDashboard.Core.Events;
using SyncDashboard.Core.Persistence;
using SyncDashboard.Core.Sync.Outbox;

namespace SyncDashboard.Core.Sync.Merge;

/// <summary>
/// Applies one remote item to the app: create, merge or delete, with echo suppression and conflict records,
/// and queues what the change owes the user's other integrations. Runs inside the caller's transaction.
/// </summary>
public sealed class Reconciler(TimeProvider clock, ILogger<Reconciler> logger)
{
    public async Task ApplyAsync(AppDbContext db, Integration integration, RemoteEvent remote, ReconcileOutcome outcome, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var link = await FindLinkAsync(db, integration, remote, ct);
        var series = remote.RecurringEventId is null || remote.OriginalStart is null ? null : await SeriesAsync(db, integration, remote.RecurringEventId, ct);
        if (link is null && series is not null) link = await OverrideLinkAsync(db, integration, remote, series, ct);

        if (remote.Deleted)
        {
            await ApplyDeletionAsync(db, integration, remote, link, series, outcome, now, ct);
            return;
        }
        if (remote.Fields is null) return;

        if (link?.Event is null)
        {
            if (!integration.CanImport) return;
            await ImportAsync(db, integration, remote, link, series, outcome, now, ct);
            return;
        }

        var ev = link.Event;
        link.WebLink = WebLinks.Safe(remote.WebLink) ?? link.WebLink;
        if (link.RemoteVersion is not null && link.RemoteVersion == remote.Version)
        {
            // Our own write (or a read we already applied) coming back: not a change.
            outcome.Unchanged++;
            return;
        }
        if (ev.IsDeleted || !integration.CanImport)
        {
            outcome.Unchanged++;
            return;
        }

        var baseFields = FieldsJson.Deserialize(link.BaseFields);
        var local = ev.ToFields();
        link.RemoteVersion = remote.Version;
        link.RemoteUpdatedAt = remote.UpdatedAt;
        if (FieldMerge.SameContent(remote.Fields, baseFields ?? local) || FieldMerge.SameContent(remote.Fields, local))
        {
            // Only the version moved (Notion's minute-rounded timestamps, an etag after our own write): compare content, not stamps.
            link.BaseFields = FieldsJson.Serialize(remote.Fields);
            outcome.Unchanged++;
            return;
        }

        var remoteWins = (remote.UpdatedAt ?? now) >= ev.UpdatedAt;
        var merge = FieldMerge.Merge(baseFields, local, remote.Fields, remoteWins);
        link.BaseFields = FieldsJson.Serialize(remote.Fields);
        link.State = LinkState.Synced;
        if (merge.HasConflicts) RecordConflict(db, integration, ev, baseFields, local, remote.Fields, merge, remoteWins, outcome);

        if (!FieldMerge.SameContent(merge.Merged, local))
        {
            ev.Apply(merge.Merged);
            WarnIfNotExpandable(integration, remote, ev);
            await OutboxWriter.EnqueueAsync(db, ev, OutboxOperation.Update, now, exceptIntegrationId: integration.Id, ct: ct);
            outcome.Updated++;
            outcome.ChangedEventIds.Add(ev.Id);
            logger.LogInformation("Merged remote change {ExternalId} from integration {IntegrationId} into event {EventId}", remote.ExternalId, integration.Id, ev.Id);
        }
        if (!FieldMerge.SameContent(merge.Merged, remote.Fields))
        {
            // Local edits this side has not seen yet: send the merged result back to it.
            await OutboxWriter.EnqueueAsync(db, ev, OutboxOperation.Update, now, ct: ct, onlyIntegrationId: integration.Id);
        }
    }

    private static async Task<EventLink?> FindLinkAsync(AppDbContext db, Integration integration, RemoteEvent remote, CancellationToken ct)
    {
        var link = db.EventLinks.Local.FirstOrDefault(l => l.IntegrationId == integration.Id && l.ExternalId == remote.ExternalId)
            ?? await db.EventLinks.Include(l => l.Event)
                .FirstOrDefaultAsync(l => l.IntegrationId == integration.Id && l.ExternalId == remote.ExternalId, ct);
        if (link is not null || remote.AppEventId is not { } appId) return link;

        // The remote carries our event id (we created it, and the link was lost or its create never reported back): re-link, never duplicate.
        // An occurrence Google made from our series carries the series' id, which names the series, not the occurrence.
        var ev = await db.Events.FirstOrDefaultAsync(e => e.Id == appId && e.UserId == integration.UserId, ct);
        if (ev is null || (remote.RecurringEventId is not null && ev.SeriesId is null)) return null;
        link = await db.EventLinks.Include(l => l.Event)
            .FirstOrDefaultAsync(l => l.IntegrationId == integration.Id && l.EventId == appId && l.UserId == integration.UserId, ct);
        if (link is not null)
        {
            // A deleted copy the link no longer points at was replaced (an edit re-created the event there after it was
            // trashed): its deletion says nothing about the event, and re-linking to it would orphan the live copy.
            if (remote.Deleted && link.ExternalId is not null) return null;
            link.ExternalId = remote.ExternalId;
            return link;
        }
        link = new EventLink { UserId = integration.UserId, EventId = ev.Id, Event = ev, IntegrationId = integration.Id, ExternalId = remote.ExternalId };
        db.EventLinks.Add(link);
        return link;
    }

    private async Task ImportAsync(AppDbContext db, Integration integration, RemoteEvent remote, EventLink? link, CalendarEvent? series,
        ReconcileOutcome outcome, DateTime now, CancellationToken ct)
    {
        var fields = series is null ? remote.Fields! : remote.Fields! with { Recurrence = null };
        var ev = new CalendarEvent { UserId = integration.UserId, Title = fields.Title, Version = 1, OriginIntegrationId = integration.Id };
        if (series is not null)
        {
            // A changed occurrence of a series the app holds: an override of it, not an event of its own.
            ev.SeriesId = series.Id;
            ev.OriginalStart = remote.OriginalStart;
            ev.OriginIntegrationId = series.OriginIntegrationId;
        }
        ev.Apply(fields);
        WarnIfNotExpandable(integration, remote, ev);
        db.Events.Add(ev);
        link ??= new EventLink { UserId = integration.UserId, IntegrationId = integration.Id, ExternalId = remote.ExternalId };
        link.EventId = ev.Id;
        link.Event = ev;
        link.RemoteVersion = remote.Version;
        link.RemoteUpdatedAt = remote.UpdatedAt;
        link.WebLink = WebLinks.Safe(remote.WebLink);
        link.BaseFields = FieldsJson.Serialize(fields);
        link.State = LinkState.Synced;
        link.LastSyncedAt = now;
        if (db.Entry(link).State == EntityState.Detached) db.EventLinks.Add(link);
        await OutboxWriter.EnqueueAsync(db, ev, OutboxOperation.Create, now, exceptIntegrationId: integration.Id, ct: ct);
        outcome.Created++;
        outcome.ChangedEventIds.Add(ev.Id);
        logger.LogInformation("Imported {ExternalId} from integration {IntegrationId} as event {EventId}", remote.ExternalId, integration.Id, ev.Id);
    }

    /// <summary>
    /// Another calendar's rule is stored as it came (the app never rewrites the user's series); <see cref="CalendarEvent.Apply"/>
    /// has flagged it, and lists show the event once instead of failing.
    /// </summary>
    private void WarnIfNotExpandable(Integration integration, RemoteEvent remote, CalendarEvent ev)
    {
        if (ev.RecurrenceProblem is { } problem)
            logger.LogWarning("Event {EventId} from {ExternalId} of integration {IntegrationId} has a recurrence the app cannot expand, shown once: {Problem}",
                ev.Id, remote.ExternalId, integration.Id, problem);
    }

    private async Task ApplyDeletionAsync(AppDbContext db, Integration integration, RemoteEvent remote, EventLink? link, CalendarEvent? series,
        ReconcileOutcome outcome, DateTime now, CancellationToken ct)
    {
        if (link is null && remote.RecurringEventId is not null)
        {
            // A cancelled occurrence hides that one date and never deletes the series: it becomes a deleted override.
            if (series is not null && integration.CanImport) CancelOccurrence(db, integration, remote, series, outcome, now);
            else logger.LogInformation("Ignored cancelled occurrence {ExternalId} of series {SeriesId} from integration {IntegrationId}: the app does not hold the series",
                remote.ExternalId, remote.RecurringEventId, integration.Id);
            return;
        }
        if (link?.Event is not { } ev || !integration.CanImport) return;
        link.RemoteVersion = remote.Version;
        link.State = LinkState.Synced;
        if (ev.IsDeleted)
        {
            await SettleWaitingDeleteAsync(db, integration, ev, now, ct);
            return;
        }
        ev.IsDeleted = true;
        ev.DeletedAt = now;
        await OutboxWriter.EnqueueAsync(db, ev, OutboxOperation.Delete, now, exceptIntegrationId: integration.Id, ct: ct);
        outcome.Deleted++;
        outcome.ChangedEventIds.Add(ev.Id);
        logger.LogInformation("Deleted event {EventId}: {ExternalId} was deleted in integration {IntegrationId}", ev.Id, remote.ExternalId, integration.Id);
        // A series goes with its overrides, which a side may hold as events of their own (Notion's pages) — the side the
        // deletion came from too: trashing a series' page leaves its overrides' pages. Where the side's own series took its
        // occurrences with it (Google), the delete finds them gone, which counts as done.
        foreach (var row in await db.Events.Where(e => e.SeriesId == ev.Id && !e.IsDeleted).ToListAsync(ct))
        {
            row.IsDeleted = true;
            row.DeletedAt = now;
            await OutboxWriter.EnqueueAsync(db, row, OutboxOperation.Delete, now, guardCleared: true, ct: ct);
            outcome.ChangedEventIds.Add(row.Id);
        }
    }

    /// <summary>The series this integration holds as <paramref name="externalId"/>, when the app still has it.</summary>
    private static async Task<CalendarEvent?> SeriesAsync(AppDbContext db, Integration integration, string externalId, CancellationToken ct)
    {
        var link = db.EventLinks.Local.FirstOrDefault(l => l.IntegrationId == integration.Id && l.ExternalId == externalId)
            ?? await db.EventLinks.Include(l => l.Event).FirstOrDefaultAsync(l => l.IntegrationId == integration.Id && l.ExternalId == externalId, ct);
        return link?.Event is { IsDeleted: false, SeriesId: null } series ? series : null;
    }

    /// <summary>
    /// The app already overrides that occurrence (changed here, not yet written there): the remote item is that override's,
    /// and merges into it like any other change.
    /// </summary>
    private static async Task<EventLink?> OverrideLinkAsync(AppDbContext db, Integration integration, RemoteEvent remote, CalendarEvent series, CancellationToken ct)
    {
        var row = db.Events.Local.FirstOrDefault(e => e.SeriesId == series.Id && e.OriginalStart == remote.OriginalStart)
            ?? await db.Events.FirstOrDefaultAsync(e => e.SeriesId == series.Id && e.OriginalStart == remote.OriginalStart, ct);
        if (row is null) return null;
        var link = db.EventLinks.Local.FirstOrDefault(l => l.EventId == row.Id && l.IntegrationId == integration.Id)
            ?? await db.EventLinks.FirstOrDefaultAsync(l => l.EventId == row.Id && l.IntegrationId == integration.Id, ct);
        if (link is null)
        {
            link = new EventLink { UserId = integration.UserId, EventId = row.Id, IntegrationId = integration.Id, State = LinkState.Synced };
            db.EventLinks.Add(link);
        }
        link.Event = row;
        link.ExternalId = remote.ExternalId;
        return link;
    }

    private void CancelOccurrence(AppDbContext db, Integration integration, RemoteEvent remote, CalendarEvent series, ReconcileOutcome outcome, DateTime now)
    {
        var at = remote.OriginalStart!.Value;
        var row = CalendarEvent.OverrideOf(series, at);
        row.IsDeleted = true;
        row.DeletedAt = now;
        db.Events.Add(row);
        db.EventLinks.Add(new EventLink
        {
            UserId = integration.UserId, EventId = row.Id, Event = row, IntegrationId = integration.Id, ExternalId = remote.ExternalId,
            RemoteVersion = remote.Version, State = LinkState.Synced, LastSyncedAt = now,
        });
        outcome.Deleted++;
        outcome.ChangedEventIds.Add(series.Id);
        logger.LogInformation("Cancelled the occurrence {ExternalId} at {OriginalStart} of series {EventId}: it was cancelled in integration {IntegrationId}",
            remote.ExternalId, at, series.Id, integration.Id);
    }

    /// <summary>
    /// The user deleted the event here and the deletion is still waiting out its undo window (ADR 0014) when the other side
    /// deletes it too: nothing is left to send, and marking the row done makes Undo refuse, since the event is gone there.
    /// </summary>
    private static async Task SettleWaitingDeleteAsync(AppDbContext db, Integration integration, CalendarEvent ev, DateTime now, CancellationToken ct)
    {
        var waiting = await db.Outbox.Where(o => o.EventId == ev.Id && o.IntegrationId == integration.Id
            && o.Operation == OutboxOperation.Delete && o.State == OutboxState.Pending).ToListAsync(ct);
        foreach (var row in waiting)
        {
            row.State = OutboxState.Completed;
            row.CompletedAt = now;
        }
    }

    private void RecordConflict(AppDbContext db, Integration integration, CalendarEvent ev, EventFields? baseFields, EventFields local,
        EventFields remote, MergeResult merge, bool remoteWins, ReconcileOutcome outcome)
    {
        db.Conflicts.Add(new Conflict
        {
            UserId = ev.UserId, EventId = ev.Id, IntegrationId = integration.Id,
            Fields = string.Join(',', merge.Conflicts),
            LocalFields = FieldsJson.Serialize(local), RemoteFields = FieldsJson.Serialize(remote),
            BaseFields = baseFields is null ? null : FieldsJson.Serialize(baseFields),
            Outcome = remoteWins ? ConflictOutcome.RemoteWon : ConflictOutcome.LocalWon,
        });
        outcome.Conflicts++;
        outcome.ChangedEventIds.Add(ev.Id);
        logger.LogWarning("Conflict on event {EventId} with integration {IntegrationId} in {Fields}; {Winner} side won (last write)",
            ev.Id, integration.Id, merge.Conflicts, remoteWins ? "remote" : "local");
    }
}
