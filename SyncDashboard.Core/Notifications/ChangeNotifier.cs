using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using SyncDashboard.Core.Domain;
using SyncDashboard.Core.Persistence;

namespace SyncDashboard.Core.Notifications;

internal sealed class ChangeNotifier(
    IDbContextFactory<AppDbContext> dbFactory,
    IEnumerable<IChangeSink> sinks,
    TimeProvider clock,
    ILogger<ChangeNotifier> logger) : IChangeNotifier
{
    /// <summary>How many messages per user are kept for catch-up; older gaps make the client refetch.</summary>
    internal const int RetainedPerUser = 1000;

    private readonly ConcurrentDictionary<Guid, SemaphoreSlim> _userLocks = new();
    private readonly ConcurrentDictionary<Guid, long> _lastSeq = new();
    private readonly ConcurrentDictionary<Guid, ImmutableSubscriberList> _subscribers = new();

    public async Task<CalendarChanged> PublishAsync(Guid userId, Guid? integrationId, IReadOnlyCollection<Guid> eventIds, CancellationToken ct = default)
    {
        var gate = _userLocks.GetOrAdd(userId, _ => new SemaphoreSlim(1, 1));
        CalendarChanged change;
        await gate.WaitAsync(ct);
        try
        {
            await using var db = await dbFactory.CreateDbContextAsync(ct);
            if (!_lastSeq.TryGetValue(userId, out var last))
                last = await db.ChangeLog.Where(c => c.UserId == userId).MaxAsync(c => (long?)c.Seq, ct) ?? 0;
            change = new CalendarChanged(last + 1, integrationId, eventIds.Distinct().ToArray(), clock.GetUtcNow());
            db.ChangeLog.Add(new ChangeLogEntry
            {
                UserId = userId, Seq = change.Seq, IntegrationId = integrationId,
                EventIds = string.Join(',', change.EventIds), At = change.At.UtcDateTime,
            });
            await db.SaveChangesAsync(ct);
            _lastSeq[userId] = change.Seq;
            if (change.Seq % 100 == 0)
                await db.ChangeLog.Where(c => c.UserId == userId && c.Seq <= change.Seq - RetainedPerUser).ExecuteDeleteAsync(ct);
        }
        finally
        {
            gate.Release();
        }

        logger.LogInformation("calendarChanged {Seq} for user {UserId} from integration {IntegrationId}: events {EventIds}",
            change.Seq, userId, integrationId, change.EventIds);
        await FanOutAsync(userId, change, ct);
        return change;
    }

    private async Task FanOutAsync(Guid userId, CalendarChanged change, CancellationToken ct)
    {
        // One failing receiver must not keep the message from the others.
        foreach (var sink in sinks)
        {
            try { await sink.SendAsync(userId, change, ct); }
            catch (Exception ex) { logger.LogWarning(ex, "Change sink {Sink} failed for user {UserId}", sink.GetType().Name, userId); }
        }
        if (!_subscribers.TryGetValue(userId, out var list)) return;
        foreach (var handler in list.Handlers)
        {
            try { await handler(change); }
            catch (Exception ex) { logger.LogWarning(ex, "In-process subscriber failed for user {UserId}", userId); }
        }
    }

    public IDisposable Subscribe(Guid userId, Func<CalendarChanged, Task> handler)
    {
        _subscribers.AddOrUpdate(userId, _ => new([handler]), (_, l) => new([.. l.Handlers, handler]));
        return new Subscription(() =>
            _subscribers.AddOrUpdate(userId, _ => new([]), (_, l) => new(l.Handlers.Where(h => h != handler).ToArray())));
    }

    public async Task<ChangesSince> GetChangesSinceAsync(Guid userId, long since, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var current = await db.ChangeLog.Where(c => c.UserId == userId).MaxAsync(c => (long?)c.Seq, ct) ?? 0;
        var rows = await db.ChangeLog.Where(c => c.UserId == userId && c.Seq > since)
            .OrderBy(c => c.Seq).Take(RetainedPerUser).ToListAsync(ct);
        // A client ahead of us (database reset) or behind what we keep cannot be caught up message by message.
        var reset = since > current || (rows.Count > 0 && rows[0].Seq != since + 1) || (rows.Count == 0 && since < current);
        var changes = rows.Select(r => new CalendarChanged(
            r.Seq, r.IntegrationId,
            r.EventIds.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(Guid.Parse).ToArray(),
            new DateTimeOffset(r.At, TimeSpan.Zero))).ToArray();
        return new ChangesSince(current, reset, changes);
    }

    public async Task<long> GetCurrentSeqAsync(Guid userId, CancellationToken ct = default)
    {
        if (_lastSeq.TryGetValue(userId, out var seq)) return seq;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.ChangeLog.Where(c => c.UserId == userId).MaxAsync(c => (long?)c.Seq, ct) ?? 0;
    }

    private sealed record ImmutableSubscriberList(Func<CalendarChanged, Task>[] Handlers);

    private sealed class Subscription(Action dispose) : IDisposable
    {
        private int _disposed;
        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 0) dispose();
        }
    }
}
