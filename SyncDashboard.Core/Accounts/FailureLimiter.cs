using System.Collections.Concurrent;

namespace SyncDashboard.Core.Accounts;

/// <summary>
/// Counts failures per key (an e-mail address, a client address) and blocks the key for <c>window</c> once
/// <c>maxFailures</c> have happened within one window. In memory: a restart forgets, which is acceptable for a
/// brute-force brake (see docs/decisions/0009-sign-in-throttling.md).
/// </summary>
public sealed class FailureLimiter(Func<int> maxFailures, Func<TimeSpan> window, TimeProvider clock)
{
    // Bounds memory under a spray of distinct keys; expired entries are swept when the table grows past it.
    private const int SweepThreshold = 10_000;
    private readonly ConcurrentDictionary<string, Entry> _entries = new(StringComparer.Ordinal);

    /// <summary>How long the key stays blocked, or null when it may try.</summary>
    public TimeSpan? BlockedFor(string key)
    {
        if (!_entries.TryGetValue(key, out var entry)) return null;
        var now = clock.GetUtcNow();
        lock (entry) return entry.BlockedUntil > now ? entry.BlockedUntil - now : null;
    }

    public void RecordFailure(string key)
    {
        if (_entries.Count > SweepThreshold) Sweep();
        var now = clock.GetUtcNow();
        var entry = _entries.GetOrAdd(key, _ => new Entry { WindowStart = now });
        lock (entry)
        {
            if (now - entry.WindowStart > window()) (entry.WindowStart, entry.Failures) = (now, 0);
            if (++entry.Failures >= maxFailures()) (entry.BlockedUntil, entry.Failures, entry.WindowStart) = (now + window(), 0, now);
        }
    }

    public void Reset(string key) => _entries.TryRemove(key, out _);

    private void Sweep()
    {
        var now = clock.GetUtcNow();
        foreach (var (key, entry) in _entries)
        {
            bool stale;
            lock (entry) stale = entry.BlockedUntil <= now && now - entry.WindowStart > window();
            if (stale) _entries.TryRemove(key, out _);
        }
    }

    private sealed class Entry
    {
        public DateTimeOffset WindowStart;
        public DateTimeOffset BlockedUntil;
        public int Failures;
    }
}
