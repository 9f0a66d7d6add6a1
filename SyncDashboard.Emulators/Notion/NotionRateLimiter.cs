using System.Diagnostics;

namespace SyncDashboard.Emulators.Notion;

/// <summary>
/// Token bucket per connection (contract §11: an average of N requests/s with some bursting), plus a record of
/// each connection's Retry-After so requests that arrive before it has passed count as violations.
/// Uses real elapsed time, not <see cref="NotionEmulator.Clock"/>.
/// </summary>
internal sealed class NotionRateLimiter(double requestsPerSecond, int burst)
{
    private sealed class Bucket
    {
        public double Tokens;
        public long LastTimestamp;
        public long BlockedUntil;
    }

    private readonly Lock _gate = new();
    private readonly Dictionary<string, Bucket> _buckets = [];
    private double _rate = requestsPerSecond;
    private int _burst = Math.Max(1, burst);

    public double RequestsPerSecond { get { lock (_gate) return _rate; } }
    public int Burst { get { lock (_gate) return _burst; } }

    public void Configure(double requestsPerSecond, int burst)
    {
        lock (_gate)
        {
            _rate = requestsPerSecond;
            _burst = Math.Max(1, burst);
            _buckets.Clear();
        }
    }

    /// <summary>True when the connection was told to wait (Retry-After) and that time has not passed yet.</summary>
    public bool IsViolation(string key)
    {
        lock (_gate) return _buckets.TryGetValue(key, out var b) && Stopwatch.GetTimestamp() < b.BlockedUntil;
    }

    /// <summary>Takes one token; returns the Retry-After seconds to send when over budget, else null.</summary>
    public int? TryAcquire(string key)
    {
        lock (_gate)
        {
            if (_rate <= 0) return null;
            var now = Stopwatch.GetTimestamp();
            if (!_buckets.TryGetValue(key, out var b))
                _buckets[key] = b = new Bucket { Tokens = _burst, LastTimestamp = now };
            b.Tokens = Math.Min(_burst, b.Tokens + Stopwatch.GetElapsedTime(b.LastTimestamp, now).TotalSeconds * _rate);
            b.LastTimestamp = now;
            if (b.Tokens >= 1)
            {
                b.Tokens -= 1;
                return null;
            }
            return Math.Max(1, (int)Math.Ceiling((1 - b.Tokens) / _rate));
        }
    }

    /// <summary>Remembers that the connection was sent Retry-After (by the limiter or an injected fault).</summary>
    public void NoteRetryAfter(string key, int seconds)
    {
        lock (_gate)
        {
            var now = Stopwatch.GetTimestamp();
            if (!_buckets.TryGetValue(key, out var b))
                _buckets[key] = b = new Bucket { Tokens = _burst, LastTimestamp = now };
            b.BlockedUntil = Math.Max(b.BlockedUntil, now + (long)(seconds * (double)Stopwatch.Frequency));
        }
    }
}
