using Microsoft.EntityFrameworkCore;
using SyncDashboard.Core.Domain;
using SyncDashboard.Core.Events;
using SyncDashboard.Core.Persistence;
using SyncDashboard.Core.Sync.Outbox;

namespace SyncDashboard.Core.Sync.MassDelete;

/// <summary>How a discarded burst keeps its events on every side (ADR 0015).</summary>
internal static class HeldDeletionWriteBack
{
    /// <summary>
    /// The integration deleted these events and the app keeps them: their links to it are reset, so the outbox creates
    /// them there again as it would a new event.
    /// </summary>
    public static async Task WriteBackAsync(AppDbContext db, Guid integrationId, IReadOnlyCollection<Guid> eventIds, DateTime now, CancellationToken ct)
    {
        if (eventIds.Count == 0) return;
        var links = await db.EventLinks.Include(l => l.Event)
            .Where(l => l.IntegrationId == integrationId && eventIds.Contains(l.EventId) && !l.Event!.IsDeleted).ToListAsync(ct);
        foreach (var link in links)
        {
            Reset(link);
            await OutboxWriter.EnqueueAsync(db, link.Event!, OutboxOperation.Create, now, ct: ct, onlyIntegrationId: integrationId);
        }
    }

    /// <summary>
    /// The app deleted these events: they come back as an undo would (EventService), every deletion of theirs not yet sent
    /// is taken back — held for any integration or still waiting — and where one already left, the event is written back
    /// there. Returns the restored events.
    /// </summary>
    public static async Task<IReadOnlyList<Guid>> RestoreAsync(AppDbContext db, Guid userId, Guid integrationId, IReadOnlyCollection<Guid> eventIds,
        DateTime now, CancellationToken ct)
    {
        if (eventIds.Count == 0) return [];
        var events = await db.Events.Where(e => e.UserId == userId && e.IsDeleted && eventIds.Contains(e.Id)).ToListAsync(ct);
        var ids = events.Select(e => e.Id).ToList();
        var deletes = await db.Outbox.Where(o => ids.Contains(o.EventId) && o.Operation == OutboxOperation.Delete).ToListAsync(ct);
        // Other integrations' holds of the same events go too: the events are back, nothing of them is left to decide.
        await db.HeldDeletions.Where(h => ids.Contains(h.EventId) && h.Direction == HeldDirection.Outbound && h.IntegrationId != integrationId)
            .ExecuteDeleteAsync(ct);
        var unsent = deletes.Where(o => o.State is OutboxState.Held or OutboxState.Pending or OutboxState.Failed).ToList();
        var sent = deletes.Where(o => o.State == OutboxState.Completed && !unsent.Exists(u => u.EventId == o.EventId && u.IntegrationId == o.IntegrationId))
            .Select(o => (o.EventId, o.IntegrationId)).Distinct().ToList();
        foreach (var ev in events) await EventService.UndeleteAsync(db, ev, unsent.Where(o => o.EventId == ev.Id), now, ct);
        // Saved first: writing back looks for live events.
        await db.SaveChangesAsync(ct);
        foreach (var (eventId, sentTo) in sent) await WriteBackAsync(db, sentTo, [eventId], now, ct);
        return ids;
    }

    private static void Reset(EventLink link)
    {
        link.ExternalId = null;
        link.RemoteVersion = null;
        link.RemoteUpdatedAt = null;
        link.BaseFields = null;
        link.WebLink = null;
        link.State = LinkState.Pending;
    }
}
