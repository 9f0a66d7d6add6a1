using System.Collections.Concurrent;
using System.Threading.RateLimiting;

namespace SyncDashboard.Core.Sync.Http;

/// <summary>
/// Keeps each bucket (a user at Google, an integration at Notion) under the provider's rate before the provider
/// enforces it, and makes every request of a bucket wait out a Retry-After the provider has asked for.
/// </summary>
public sealed class ProviderRateLimiter : IDisposable
{
    private readonly PartitionedRateLimiter<string> _limiter;
    private readonly ConcurrentDictionary<string, DateTimeOffset> _blockedUntil = new();
    private readonly TimeProvider _clock;

    public ProviderRateLimiter(double requestsPerSecond, int burst, TimeProvider clock)
    {
        _clock = clock;
        var period = TimeSpan.FromSeconds(1 / requestsPerSecond);
        _limiter = PartitionedRateLimiter.Create<string, string>(key => RateLimitPartition.GetTokenBucketLimiter(key, _ =>
            new TokenBucketRateLimiterOptions
            {
                TokenLimit = Math.Max(1, burst),
                TokensPerPeriod = 1,
                ReplenishmentPeriod = period,
                QueueLimit = 100_000,
                QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
                AutoReplenishment = true,
            }));
    }

    public async Task WaitAsync(string key, CancellationToken ct)
    {
        if (_blockedUntil.TryGetValue(key, out var until) && until > _clock.GetUtcNow())
            await Task.Delay(until - _clock.GetUtcNow(), _clock, ct);
        using var lease = await _limiter.AcquireAsync(key, 1, ct);
        if (!lease.IsAcquired) throw new TransientProviderException("Too many queued requests for one account; try again shortly.");
    }

    public void BlockFor(string key, TimeSpan delay)
    {
        var until = _clock.GetUtcNow() + delay;
        _blockedUntil.AddOrUpdate(key, until, (_, old) => old > until ? old : until);
    }

    public void Dispose() => _limiter.Dispose();
}
