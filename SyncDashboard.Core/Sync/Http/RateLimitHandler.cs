namespace SyncDashboard.Core.Sync.Http;

/// <summary>
/// Runs once per attempt, inside the retry and the timeout: waits for the request's bucket
/// (<see cref="ProviderRequest.RateLimitKey"/>), then passes any Retry-After on to the bucket, so every request of it
/// waits that out, not only this request's retry — including a Retry-After too long to retry inline.
/// </summary>
internal sealed class RateLimitHandler(ProviderRateLimiter limiter, TimeProvider clock) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (!request.Options.TryGetValue(ProviderRequest.RateLimitKey, out var key)) key = request.RequestUri?.Host ?? "default";
        await limiter.WaitAsync(key, cancellationToken);
        var response = await base.SendAsync(request, cancellationToken);
        if (RetryAfter.WaitFor(response, clock) is { } wait) limiter.BlockFor(key, wait);
        return response;
    }
}
