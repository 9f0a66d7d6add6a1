using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace SyncDashboard.Core.Sync.Progress;

/// <summary>
/// Hands progress of running pulls and drains to the hub and to open status cards. Keeps the latest message per
/// integration (a card opened mid-run shows it at once) and sends at most one message per <see cref="Interval"/> and
/// integration within a stage; a new stage, and the end, always go.
/// </summary>
public sealed class SyncProgressNotifier(IEnumerable<ISyncProgressSink> sinks, TimeProvider clock, ILogger<SyncProgressNotifier> logger)
{
    public static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(200);

    private readonly ConcurrentDictionary<Guid, (Guid UserId, SyncProgress Progress, DateTimeOffset SentAt)> _latest = new();
    private readonly ConcurrentDictionary<Guid, Func<SyncProgress, Task>[]> _subscribers = new();

    /// <summary>What is running for the user now, one message per integration.</summary>
    public IReadOnlyList<SyncProgress> Running(Guid userId) =>
        _latest.Values.Where(l => l.UserId == userId && l.Progress.IsRunning).Select(l => l.Progress).ToList();

    public void Report(Guid userId, SyncProgress progress)
    {
        progress = progress with { At = clock.GetUtcNow() };
        var previous = _latest.TryGetValue(progress.IntegrationId, out var p) ? p : default;
        var due = previous.Progress is null || previous.Progress.Stage != progress.Stage || previous.Progress.Kind != progress.Kind
            || progress.Stage is SyncStage.Started or SyncStage.Finished || progress.At - previous.SentAt >= Interval;
        if (!due)
        {
            _latest[progress.IntegrationId] = (userId, progress, previous.SentAt);
            return;
        }
        if (progress.Stage == SyncStage.Finished) _latest.TryRemove(progress.IntegrationId, out _);
        else _latest[progress.IntegrationId] = (userId, progress, progress.At);
        foreach (var sink in sinks) _ = SendAsync(() => sink.SendAsync(userId, progress, CancellationToken.None), userId);
        if (_subscribers.TryGetValue(userId, out var handlers))
            foreach (var handler in handlers) _ = SendAsync(() => handler(progress), userId);
    }

    public IDisposable Subscribe(Guid userId, Func<SyncProgress, Task> handler)
    {
        _subscribers.AddOrUpdate(userId, _ => [handler], (_, l) => [.. l, handler]);
        return new Subscription(() => _subscribers.AddOrUpdate(userId, _ => [], (_, l) => l.Where(h => h != handler).ToArray()));
    }

    /// <summary>Progress is a courtesy: a receiver that fails is logged and never holds up the sync that reports.</summary>
    private async Task SendAsync(Func<Task> send, Guid userId)
    {
        try { await send(); }
        catch (Exception ex) { logger.LogWarning(ex, "A progress receiver failed for user {UserId}", userId); }
    }

    private sealed class Subscription(Action dispose) : IDisposable
    {
        private int _disposed;
        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 0) dispose();
        }
    }
}
