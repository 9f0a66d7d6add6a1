using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using SyncDashboard.Core.Domain;
using SyncDashboard.Core.Persistence;
using SyncDashboard.Core.Sync.Outbox;

namespace SyncDashboard.Core.Sync.Queue;

/// <summary>The setup guide's view of the outbox ("the sync queue"): a user's counts, sending now, and cleaning up delivered rows.</summary>
public sealed class OutboxQueueService(
    IDbContextFactory<AppDbContext> dbFactory,
    OutboxDispatcher dispatcher,
    TimeProvider clock,
    ILogger<OutboxQueueService> logger)
{
    public async Task<OutboxQueueStats> StatsAsync(Guid userId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var counts = await db.Outbox.AsNoTracking().Where(o => o.UserId == userId)
            .GroupBy(o => o.State).Select(g => new { State = g.Key, Count = g.Count() }).ToListAsync(ct);
        var oldest = await db.Outbox.AsNoTracking().Where(o => o.UserId == userId && o.State == OutboxState.Pending)
            .OrderBy(o => o.CreatedAt).Select(o => (DateTime?)o.CreatedAt).FirstOrDefaultAsync(ct);
        var all = Enum.GetValues<OutboxState>().ToDictionary(s => s, s => counts.FirstOrDefault(c => c.State == s)?.Count ?? 0);
        var age = oldest is { } at && Now - at is var waited ? (waited > TimeSpan.Zero ? waited : TimeSpan.Zero) : (TimeSpan?)null;
        return new OutboxQueueStats(all, age);
    }

    /// <summary>
    /// Sends the user's due rows now; retries waiting out their backoff go too, since the user asked. A deletion still in
    /// its undo window (ADR 0014) and rows waiting for a reconnect keep waiting, and held deletions stay held (ADR 0015).
    /// </summary>
    public async Task<DispatchResult> ProcessAsync(Guid userId, CancellationToken ct = default)
    {
        List<Guid> integrations;
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
        {
            var now = Now;
            await db.Outbox.Where(o => o.UserId == userId && o.State == OutboxState.Failed && o.NextAttemptAt > now)
                .ExecuteUpdateAsync(s => s.SetProperty(o => o.NextAttemptAt, now), ct);
            integrations = await db.Outbox.AsNoTracking()
                .Where(o => o.UserId == userId && (o.State == OutboxState.Pending || o.State == OutboxState.Failed || o.State == OutboxState.InFlight))
                .Select(o => o.IntegrationId).Distinct().ToListAsync(ct);
        }
        int sent = 0, retrying = 0, deadLettered = 0, waiting = 0;
        foreach (var id in integrations)
        {
            var pass = await dispatcher.DispatchDueAsync(id, SyncTrigger.Manual, ct);
            (sent, retrying, deadLettered, waiting) = (sent + pass.Sent, retrying + pass.Retrying, deadLettered + pass.DeadLettered, waiting + pass.Waiting);
        }
        logger.LogInformation("Processed the outbox of user {UserId} on request: {Sent} sent, {Retrying} retrying, {DeadLettered} dead-lettered, {Waiting} waiting",
            userId, sent, retrying, deadLettered, waiting);
        return new DispatchResult(sent, retrying, deadLettered, waiting);
    }

    /// <summary>Deletes completed rows older than <paramref name="olderThan"/>, of one user or (null) everyone's; returns how many.</summary>
    public async Task<int> PurgeCompletedAsync(Guid? userId, TimeSpan olderThan, CancellationToken ct = default)
    {
        var cutoff = Now - olderThan;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        // A row completed before CompletedAt existed has only its last update to go by.
        var deleted = await db.Outbox
            .Where(o => o.State == OutboxState.Completed && (o.CompletedAt ?? o.UpdatedAt) < cutoff && (userId == null || o.UserId == userId))
            .ExecuteDeleteAsync(ct);
        logger.LogInformation("Deleted {Count} completed outbox rows older than {OlderThan} (user {UserId})", deleted, olderThan, userId?.ToString() ?? "all");
        return deleted;
    }

    private DateTime Now => clock.GetUtcNow().UtcDateTime;
}
