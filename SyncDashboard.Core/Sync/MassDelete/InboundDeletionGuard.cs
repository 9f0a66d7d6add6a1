using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SyncDashboard.Core.Domain;
using SyncDashboard.Core.Persistence;

namespace SyncDashboard.Core.Sync.MassDelete;

/// <summary>What of one pull run is applied, and how many of its deletions were held instead.</summary>
public sealed record GuardedChanges(IReadOnlyList<RemoteEvent> ToApply, int Held);

/// <summary>
/// Looks at all the deletions of one pull run before any is applied (ADR 0015): a burst (more than
/// <see cref="MassDeleteOptions.Share"/> of the integration's linked, live events and at least <see cref="MassDeleteOptions.Minimum"/>)
/// is taken out of the run and stored as held deletions; creates and edits go on. While an integration has held
/// deletions its further deletions are held too, so the user decides about the burst as a whole.
/// </summary>
public sealed class InboundDeletionGuard(IOptions<MassDeleteOptions> options, TimeProvider clock, ILogger<InboundDeletionGuard> logger)
{
    /// <summary>Adds the held deletions to <paramref name="db"/> (saved with the run's first batch) and returns the rest to apply.</summary>
    public async Task<GuardedChanges> HoldBurstAsync(AppDbContext db, Integration integration, IReadOnlyList<RemoteEvent> items, CancellationToken ct)
    {
        // A cancelled occurrence hides one date of a series and deletes nothing (Reconciler), so it is no part of a burst.
        var deletedIds = items.Where(r => r.Deleted && r.RecurringEventId is null).Select(r => r.ExternalId).Distinct().ToList();
        if (!options.Value.Enabled || deletedIds.Count == 0 || !integration.CanImport) return new GuardedChanges(items, 0);

        var targets = await LiveLinks(db, integration.Id).Where(l => deletedIds.Contains(l.ExternalId!))
            .Select(l => new { ExternalId = l.ExternalId!, l.EventId }).ToListAsync(ct);
        if (targets.Count == 0) return new GuardedChanges(items, 0);
        var alreadyHeld = (await db.HeldDeletions
            .Where(h => h.IntegrationId == integration.Id && h.Direction == HeldDirection.Inbound)
            .Select(h => h.EventId).ToListAsync(ct)).ToHashSet();
        var fresh = targets.Where(t => !alreadyHeld.Contains(t.EventId)).ToList();
        if (alreadyHeld.Count == 0 && !options.Value.Trips(fresh.Count, await LiveLinks(db, integration.Id).CountAsync(ct)))
            return new GuardedChanges(items, 0);

        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var t in fresh)
        {
            db.HeldDeletions.Add(new HeldDeletion
            {
                UserId = integration.UserId, IntegrationId = integration.Id, EventId = t.EventId, ExternalId = t.ExternalId,
                Direction = HeldDirection.Inbound, DetectedAt = now,
            });
        }
        var held = targets.Select(t => t.ExternalId).ToHashSet();
        logger.LogWarning("Held {Count} deletions ({Direction}) from integration {IntegrationId}; {AlreadyHeld} were held before; the user applies or discards them",
            fresh.Count, HeldDirection.Inbound, integration.Id, alreadyHeld.Count);
        return new GuardedChanges(items.Where(r => !(r.Deleted && held.Contains(r.ExternalId))).ToList(), fresh.Count);
    }

    /// <summary>The integration's events that exist on both sides: what a deletion there would delete here.</summary>
    internal static IQueryable<EventLink> LiveLinks(AppDbContext db, Guid integrationId) =>
        db.EventLinks.Where(l => l.IntegrationId == integrationId && l.ExternalId != null && !l.Event!.IsDeleted);
}
