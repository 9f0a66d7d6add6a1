using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using SyncDashboard.Core.Common;
using SyncDashboard.Core.Domain;
using SyncDashboard.Core.Persistence;
using SyncDashboard.Core.Sync.Merge;

namespace SyncDashboard.Core.Events;

/// <summary>Undo of a delete (ADR 0014): possible while the deletion has not left for any integration.</summary>
public sealed partial class EventService
{
    public async Task<EventDto> RestoreAsync(Guid userId, Guid id, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var ev = await db.Events.FirstOrDefaultAsync(e => e.Id == id && e.UserId == userId && e.IsDeleted, ct)
            ?? throw new NotFoundException($"No deleted event {id} was found.");
        if (ev.DeletedAt is not { } deletedAt || Now >= deletedAt + options.Value.DeleteUndoWindow)
            throw new ConcurrencyConflictException("Too late to undo: the deletion has already been sent to Google and Notion (or is being sent).");

        if (!await TakeBackDeleteAsync(db, ev, ct))
            throw new ConcurrencyConflictException("Too late to undo: the event is already deleted in Google or Notion.");
        // A series' overrides were deleted with it (same instant): they come back with it where their deletions still wait.
        var overrides = await db.Events.Where(e => e.SeriesId == id && e.UserId == userId && e.IsDeleted && e.DeletedAt == deletedAt).ToListAsync(ct);
        foreach (var row in overrides) await TakeBackDeleteAsync(db, row, ct);
        await SaveAsync(db, ct);
        await tx.CommitAsync(ct);
        logger.LogInformation("Restored event {EventId} for user {UserId} with {Overrides} of its overrides", id, userId, overrides.Count(o => !o.IsDeleted));
        return await AfterCommitAsync(db, ev, ct);
    }

    /// <summary>
    /// Undeletes <paramref name="ev"/> when every integration that holds it still has its deletion waiting here; one that was
    /// sent, is in flight, or was never queued (the event was deleted there first) cannot be undone from the app.
    /// </summary>
    private async Task<bool> TakeBackDeleteAsync(AppDbContext db, CalendarEvent ev, CancellationToken ct)
    {
        var deleteRows = await db.Outbox.Where(o => o.EventId == ev.Id && o.UserId == ev.UserId && o.Operation == OutboxOperation.Delete).ToListAsync(ct);
        var waiting = deleteRows.Where(o => o.State == OutboxState.Pending && o.NextAttemptAt > Now).ToList();
        var owed = await OwedIntegrationsAsync(db, ev, ct);
        if (owed.Any(i => !waiting.Exists(o => o.IntegrationId == i))) return false;
        await UndeleteAsync(db, ev, waiting, Now, ct);
        return true;
    }

    /// <summary>
    /// Brings a soft-deleted event back and takes back its deletions that have not left (<paramref name="unsent"/>); also
    /// what discarding a held outbound burst does (ADR 0015), after the undo window.
    /// </summary>
    internal static async Task UndeleteAsync(AppDbContext db, CalendarEvent ev, IEnumerable<OutboxItem> unsent, DateTime now, CancellationToken ct)
    {
        ev.IsDeleted = false;
        ev.DeletedAt = null;
        var links = await db.EventLinks.Where(l => l.EventId == ev.Id).ToListAsync(ct);
        foreach (var row in unsent) TakeBack(db, ev, row, links.FirstOrDefault(l => l.IntegrationId == row.IntegrationId), now);
    }

    /// <summary>
    /// A waiting delete may have absorbed an earlier change that had not left yet (the outbox keeps one row per event and
    /// integration), so the row becomes that change again where one is owed, and disappears where the other side already
    /// agrees with the event.
    /// </summary>
    private static void TakeBack(AppDbContext db, CalendarEvent ev, OutboxItem row, EventLink? link, DateTime now)
    {
        var agreed = FieldsJson.Deserialize(link?.BaseFields);
        if (link?.ExternalId is not null && agreed is not null && FieldMerge.SameContent(agreed, ev.ToFields()))
        {
            db.Outbox.Remove(row);
            if (link.State == LinkState.Pending) link.State = LinkState.Synced;
            return;
        }
        row.Operation = link?.ExternalId is null ? OutboxOperation.Create : OutboxOperation.Update;
        row.State = OutboxState.Pending;
        row.NextAttemptAt = now;
    }

    /// <summary>The integrations a delete of this event is sent to: those that hold it and take the app's changes.</summary>
    private static async Task<List<Guid>> OwedIntegrationsAsync(AppDbContext db, CalendarEvent ev, CancellationToken ct) =>
        await (from l in db.EventLinks
               join i in db.Integrations on l.IntegrationId equals i.Id
               where l.EventId == ev.Id && l.ExternalId != null && i.UserId == ev.UserId && i.IsActive && i.Direction != SyncDirection.ImportOnly
               select i.Id).ToListAsync(ct);
}
