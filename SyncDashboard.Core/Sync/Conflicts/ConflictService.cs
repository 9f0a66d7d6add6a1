using Microsoft.EntityFrameworkCore;
using SyncDashboard.Core.Common;
using SyncDashboard.Core.Domain;
using SyncDashboard.Core.Events;
using SyncDashboard.Core.Notifications;
using SyncDashboard.Core.Persistence;
using SyncDashboard.Core.Sync.Merge;

namespace SyncDashboard.Core.Sync.Conflicts;

/// <summary>
/// Conflicts settled automatically (last write wins) and shown to the user, who keeps that outcome, takes one side, or
/// picks a side per field. A change of values goes through <see cref="EventService"/>, so the outbox sends it to every side.
/// </summary>
public sealed class ConflictService(IDbContextFactory<AppDbContext> dbFactory, EventService events, IChangeNotifier notifier, TimeProvider clock)
{
    public async Task<IReadOnlyList<ConflictDto>> ListOpenAsync(Guid userId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var rows = await (from c in OpenOf(db, userId)
                          join e in db.Events.AsNoTracking() on c.EventId equals e.Id
                          join i in db.Integrations.AsNoTracking() on c.IntegrationId equals i.Id
                          select new { c, e.Title, i.DisplayName, i.Provider }).ToListAsync(ct);
        return rows.OrderByDescending(r => r.c.CreatedAt).Select(r => ConflictDto.From(r.c, r.Title, r.DisplayName, r.Provider)).ToList();
    }

    /// <summary>How many conflicts wait for the user (the dashboard's and the menu's badge).</summary>
    public async Task<int> CountOpenAsync(Guid userId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await OpenOf(db, userId).CountAsync(ct);
    }

    /// <summary>Kept for the older callers: the automatic outcome, or the losing side's values.</summary>
    public Task<ConflictResolved> ResolveAsync(Guid userId, Guid conflictId, ConflictChoice choice, CancellationToken ct = default) =>
        ResolveAsync(userId, conflictId, new ConflictResolution(choice), ct);

    /// <summary>
    /// Settles an open conflict of the user's: the chosen side's values of each colliding field are written onto the event as
    /// it is now (other fields keep any later edits), and the conflict closes. 404 for a conflict that is not the user's,
    /// is settled already or whose event was deleted; 400 for a merge that does not name exactly the colliding fields.
    /// </summary>
    public async Task<ConflictResolved> ResolveAsync(Guid userId, Guid conflictId, ConflictResolution resolution, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var conflict = await OpenOf(db, userId).FirstOrDefaultAsync(c => c.Id == conflictId, ct) ?? throw NotFound(conflictId);
        var ev = await db.Events.AsNoTracking().FirstAsync(e => e.Id == conflict.EventId, ct);
        var sides = resolution.SidesFor(conflict.Fields.Split(','), conflict.Outcome);
        var current = ev.ToFields();
        var chosen = current;
        if (sides is not null)
        {
            var (local, remote) = (FieldsJson.Deserialize(conflict.LocalFields)!, FieldsJson.Deserialize(conflict.RemoteFields)!);
            chosen = sides.Aggregate(current, (into, s) => FieldMerge.Take(s.Key, into, s.Value == ConflictSide.Local ? local : remote));
        }

        // Claimed first, so two tabs settling at once write the event once; released again if the write is refused.
        var now = clock.GetUtcNow().UtcDateTime;
        var claimed = await db.Conflicts.Where(c => c.Id == conflictId && c.ResolvedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.ResolvedAt, now).SetProperty(c => c.UserChoice, resolution.Choice), ct);
        if (claimed == 0) throw NotFound(conflictId);
        try
        {
            if (chosen == current) await notifier.PublishAsync(userId, conflict.IntegrationId, [ev.Id], ct); // the badge and other tabs
            else await events.UpdateAsync(userId, ev.Id, EventInput.From(chosen), ev.Version, ct);
        }
        catch
        {
            await db.Conflicts.Where(c => c.Id == conflictId)
                .ExecuteUpdateAsync(s => s.SetProperty(c => c.ResolvedAt, (DateTime?)null).SetProperty(c => c.UserChoice, (ConflictChoice?)null), CancellationToken.None);
            throw;
        }
        return new ConflictResolved(conflictId, ev.Id, resolution.Choice, ConflictDto.AsUtc(chosen));
    }

    /// <summary>Open conflicts of the user on events that still exist.</summary>
    private static IQueryable<Conflict> OpenOf(AppDbContext db, Guid userId) =>
        db.Conflicts.AsNoTracking().Where(c => c.UserId == userId && c.ResolvedAt == null
            && db.Events.Any(e => e.Id == c.EventId && e.UserId == userId && !e.IsDeleted));

    private static NotFoundException NotFound(Guid id) => new($"Conflict {id} was not found or is already resolved.");
}
