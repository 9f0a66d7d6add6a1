using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using SyncDashboard.Core.Domain;
using SyncDashboard.Core.Persistence;

namespace SyncDashboard.Core.Sync.Outbox;

/// <summary>
/// In-flight leases. A row claimed for sending is <see cref="OutboxState.InFlight"/> until
/// <see cref="OutboxItem.LeaseExpiresAt"/>; a process that dies mid-send leaves it so. Putting such a row back in line
/// is safe because every send can be repeated: a Google create uses an id derived from the event's (a repeat is a 409,
/// answered by patching), a Notion create first looks for the page an earlier attempt made (by the SyncDashboard ID
/// property, else by title and start), and updates and deletes are idempotent by nature.
/// </summary>
public sealed partial class OutboxDispatcher
{
    /// <summary>
    /// At start, before the first pass: this app runs as one process, so every in-flight row was left by an earlier one
    /// (a crash, a kill, a stop mid-send) and goes back in line at once instead of waiting out its lease.
    /// Several nodes sharing one database (a later issue) cannot do this — a row in flight may belong to a live node —
    /// and will rely on lease expiry alone, with a claim that checks the row's state as it takes it.
    /// </summary>
    public async Task<int> ReclaimAtStartAsync(CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var now = Now;
        var count = await PutBack(db.Outbox.Where(o => o.State == OutboxState.InFlight), now, ct);
        logger.Log(count > 0 ? LogLevel.Warning : LogLevel.Information,
            "Reclaimed {Count} outbox rows left in flight by an earlier run; they are sent again", count);
        return count;
    }

    /// <summary>Rows whose lease ran out go back in line (a row from before leases existed has none and counts as expired).</summary>
    private async Task ReclaimExpiredAsync(AppDbContext db, DateTime now, Guid? onlyIntegrationId, CancellationToken ct)
    {
        var count = await PutBack(db.Outbox.Where(o => o.State == OutboxState.InFlight
            && (o.LeaseExpiresAt == null || o.LeaseExpiresAt <= now)
            && (onlyIntegrationId == null || o.IntegrationId == onlyIntegrationId)), now, ct);
        if (count > 0)
            logger.LogWarning("Reclaimed {Count} outbox rows whose in-flight lease expired (integration {IntegrationId})", count, onlyIntegrationId);
    }

    /// <summary>
    /// Takes a row for sending only if it is still waiting and due, in one statement, so a writer that changed or removed
    /// it since it was read (Undo of a delete, ADR 0014) wins and nothing stale is sent.
    /// </summary>
    private async Task<bool> ClaimAsync(AppDbContext db, OutboxItem item, TimeSpan lease, CancellationToken ct)
    {
        var now = Now;
        var claimed = await db.Outbox
            .Where(o => o.Id == item.Id && (o.State == OutboxState.Pending || o.State == OutboxState.Failed) && o.NextAttemptAt <= now)
            .ExecuteUpdateAsync(s => s
                .SetProperty(o => o.State, OutboxState.InFlight)
                .SetProperty(o => o.LeaseExpiresAt, now + lease)
                .SetProperty(o => o.Attempts, o => o.Attempts + 1)
                .SetProperty(o => o.UpdatedAt, now), ct);
        return claimed == 1;
    }

    private static Task<int> PutBack(IQueryable<OutboxItem> rows, DateTime now, CancellationToken ct) =>
        rows.ExecuteUpdateAsync(s => s
            .SetProperty(o => o.State, OutboxState.Pending)
            .SetProperty(o => o.LeaseExpiresAt, (DateTime?)null)
            .SetProperty(o => o.NextAttemptAt, now)
            .SetProperty(o => o.UpdatedAt, now), ct);
}
