using Microsoft.EntityFrameworkCore;
using SyncDashboard.Core.Domain;
using SyncDashboard.Core.Persistence;

namespace SyncDashboard.Core.Sync.Outbox;

/// <summary>
/// Adds the outbox rows an event change owes to the user's integrations, inside the caller's unit of work,
/// so the change and its rows commit (or fail) together.
/// </summary>
public static class OutboxWriter
{
    /// <summary>Returns the integration ids that got (or already had) a pending row.</summary>
    /// <param name="notBefore">When the rows may be sent; a user's delete waits out its undo window (ADR 0014).</param>
    /// <param name="guardCleared">Whether the outbound mass-delete guard already judged it; by default, when relayed from another integration.</param>
    /// <param name="alsoTo">Integrations a new event reaches besides the home ones (the second part of a split series).</param>
    public static async Task<IReadOnlyList<Guid>> EnqueueAsync(
        AppDbContext db, CalendarEvent ev, OutboxOperation op, DateTime now,
        Guid? exceptIntegrationId = null, CancellationToken ct = default, Guid? onlyIntegrationId = null, DateTime? notBefore = null,
        IReadOnlyCollection<Guid>? alsoTo = null, bool? guardCleared = null)
    {
        // An override belongs where its series is, home or not; even its deletion is owed there (it cancels that date).
        var seriesHolders = ev.SeriesId is { } seriesId ? await HoldersAsync(db, seriesId, ct) : null;
        var integrations = await db.Integrations
            .Where(i => i.UserId == ev.UserId && i.IsActive && i.Direction != SyncDirection.ImportOnly)
            .ToListAsync(ct);
        var links = await db.EventLinks.Where(l => l.EventId == ev.Id).ToListAsync(ct);
        var targets = new List<Guid>();
        foreach (var integration in integrations)
        {
            if (integration.Id == exceptIntegrationId) continue;
            if (onlyIntegrationId is { } only && integration.Id != only) continue;
            var link = links.FirstOrDefault(l => l.IntegrationId == integration.Id)
                ?? db.EventLinks.Local.FirstOrDefault(l => l.EventId == ev.Id && l.IntegrationId == integration.Id);
            // An event reaches the home integrations; other calendars only hear about events they already hold.
            var reaches = seriesHolders?.Contains(integration.Id) ?? (integration.IsHome || alsoTo?.Contains(integration.Id) == true);
            if (link is null && !reaches) continue;
            if (link is null && op == OutboxOperation.Delete && seriesHolders is null) continue;
            var effective = link?.ExternalId is null && op == OutboxOperation.Update ? OutboxOperation.Create : op;
            if (link is null)
            {
                db.EventLinks.Add(new EventLink
                {
                    UserId = ev.UserId, EventId = ev.Id, IntegrationId = integration.Id, State = LinkState.Pending,
                });
            }
            else if (link.State != LinkState.Conflict)
            {
                link.State = LinkState.Pending;
            }

            // A deletion relayed from another integration's pull was judged by the inbound guard there (ADR 0015).
            await AddOrCoalesceAsync(db, ev, integration.Id, effective, notBefore ?? now, guardCleared: guardCleared ?? exceptIntegrationId is not null, ct);
            targets.Add(integration.Id);
        }
        return targets;
    }

    /// <summary>The integrations that hold an event (saved links and those added in this unit of work).</summary>
    public static async Task<HashSet<Guid>> HoldersAsync(AppDbContext db, Guid eventId, CancellationToken ct)
    {
        HashSet<Guid> holders = [.. await db.EventLinks.Where(l => l.EventId == eventId).Select(l => l.IntegrationId).ToListAsync(ct)];
        holders.UnionWith(db.EventLinks.Local.Where(l => l.EventId == eventId).Select(l => l.IntegrationId));
        return holders;
    }

    /// <summary>One row standing for an earlier and a later change of the same event: a delete wins, a create stays a create.</summary>
    public static OutboxOperation Coalesce(OutboxOperation earlier, OutboxOperation later) => (earlier, later) switch
    {
        (_, OutboxOperation.Delete) => OutboxOperation.Delete,
        (OutboxOperation.Create, _) => OutboxOperation.Create,
        _ => later,
    };

    private static async Task AddOrCoalesceAsync(AppDbContext db, CalendarEvent ev, Guid integrationId, OutboxOperation op, DateTime due, bool guardCleared, CancellationToken ct)
    {
        // The dispatcher sends the event as it is when it runs, so one pending row per event and target is enough.
        var pending = await db.Outbox.FirstOrDefaultAsync(o => o.EventId == ev.Id && o.IntegrationId == integrationId
            && (o.State == OutboxState.Pending || o.State == OutboxState.Failed), ct);
        if (pending is not null)
        {
            pending.Operation = Coalesce(pending.Operation, op);
            pending.State = OutboxState.Pending;
            pending.NextAttemptAt = due;
            pending.Attempts = 0;
            pending.GuardCleared = guardCleared;
            // Written even when it reads Pending already: a dispatcher may claim the row between this read and the save (the
            // reconciler in one integration's send merges for the others, an HTTP call apart), send the event as it was and
            // complete it. Writing Pending puts it back in line, and the dispatcher completes only a row still in flight.
            db.Entry(pending).Property(o => o.State).IsModified = true;
            return;
        }
        db.Outbox.Add(new OutboxItem
        {
            UserId = ev.UserId, EventId = ev.Id, IntegrationId = integrationId, Operation = op,
            State = OutboxState.Pending, NextAttemptAt = due, GuardCleared = guardCleared,
        });
    }
}
