using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using SyncDashboard.Core.Common;
using SyncDashboard.Core.Domain;
using SyncDashboard.Core.Persistence;
using SyncDashboard.Core.Sync.Pull;
using SyncDashboard.Core.Sync.Outbox;

namespace SyncDashboard.Core.Sync;

public sealed record SyncNowResult(bool Started, int Created, int Updated, int Deleted, int Conflicts, int Sent, int Failed, IReadOnlyList<string> Errors, int Held = 0)
{
    public static readonly SyncNowResult AlreadyRunning = new(false, 0, 0, 0, 0, 0, 0, []);

    /// <summary>The setup guide's flag: the run happened and no integration reported an error.</summary>
    public bool Success => Started && Errors.Count == 0;

    public string Summary => !Started ? "A sync is already running."
        : Errors.Count > 0 ? string.Join(" ", Errors)
        : $"Imported {Created} new, {Updated} updated, {Deleted} deleted; " + (Held > 0 ? $"held {Held} deletion{(Held == 1 ? "" : "s")} for you to check; " : "") + $"sent {Sent} change{(Sent == 1 ? "" : "s")}" + (Failed > 0 ? $", {Failed} failed." : ".");
}

/// <summary>"Sync now": pull every (or one) integration and drain its outbox, at once. One run per user at a time.</summary>
public sealed class SyncNowService(
    IDbContextFactory<AppDbContext> dbFactory,
    IncrementalPuller puller,
    OutboxDispatcher dispatcher,
    TimeProvider clock,
    ILogger<SyncNowService> logger)
{
    private readonly ConcurrentDictionary<Guid, byte> _running = new();

    public bool IsRunning(Guid userId) => _running.ContainsKey(userId);

    public async Task<SyncNowResult> RunAsync(Guid userId, Guid? integrationId = null, CancellationToken ct = default)
    {
        if (!_running.TryAdd(userId, 0)) return SyncNowResult.AlreadyRunning;
        try
        {
            await using var db = await dbFactory.CreateDbContextAsync(ct);
            var ids = await db.Integrations.Where(i => i.UserId == userId && i.IsActive && i.PausedAt == null && (integrationId == null || i.Id == integrationId))
                .Select(i => i.Id).ToListAsync(ct);
            // Another user's integration answers exactly like one that does not exist; the caller's own paused one runs nothing.
            if (integrationId is not null && ids.Count == 0 && !await db.Integrations.AnyAsync(i => i.Id == integrationId && i.UserId == userId, ct))
                throw new NotFoundException("Integration not found.");
            // Retries waiting for their backoff go now: the user asked for it.
            var now = clock.GetUtcNow().UtcDateTime;
            await db.Outbox.Where(o => o.UserId == userId && ids.Contains(o.IntegrationId) && (o.State == OutboxState.Pending || o.State == OutboxState.Failed))
                .ExecuteUpdateAsync(s => s.SetProperty(o => o.NextAttemptAt, now), ct);

            int created = 0, updated = 0, deleted = 0, conflicts = 0, sent = 0, failed = 0, held = 0;
            var errors = new List<string>();
            foreach (var id in ids)
            {
                var pull = await puller.PullAsync(id, SyncTrigger.Manual, ct);
                (created, updated, deleted, conflicts) = (created + pull.Created, updated + pull.Updated, deleted + pull.Deleted, conflicts + pull.Conflicts);
                held += pull.Held;
                if (pull.Error is not null) errors.Add(pull.Error);
                var push = await dispatcher.DispatchDueAsync(id, SyncTrigger.Manual, ct);
                sent += push.Sent;
                failed += push.Retrying + push.DeadLettered;
            }
            logger.LogInformation("Sync now for user {UserId} over integrations {IntegrationIds}: {Created} created, {Updated} updated, {Deleted} deleted, {Sent} sent, {Failed} failed",
                userId, ids, created, updated, deleted, sent, failed);
            return new SyncNowResult(true, created, updated, deleted, conflicts, sent, failed, errors.Distinct().ToList(), held);
        }
        finally
        {
            _running.TryRemove(userId, out _);
        }
    }
}
