using System.Net;
using Polly;
using Polly.Retry;
using Polly.Timeout;

namespace SyncDashboard.Core.Sync.Http;

/// <summary>
/// The one place provider calls are retried: a Polly pipeline with a per-attempt timeout and a couple of quick
/// retries (jittered backoff, honouring a short Retry-After), behind the per-bucket rate limiter. Anything that
/// needs longer goes back to the durable outbox instead of holding a thread.
/// </summary>
public sealed class ResilienceHandler : DelegatingHandler
{
    /// <summary>A Retry-After longer than this is not waited out inline.</summary>
    public static readonly TimeSpan MaxInlineWait = TimeSpan.FromSeconds(2);

    private readonly ProviderRateLimiter _limiter;
    private readonly TimeProvider _clock;
    private readonly ResiliencePipeline<HttpResponseMessage> _pipeline;
    private readonly ResiliencePipeline<HttpResponseMessage> _rateLimitOnlyPipeline;
    private readonly Func<HttpRequestMessage, bool>? _mayRetryServerErrors;

    /// <param name="mayRetryServerErrors">
    /// Null: every request is retried on any transient outcome. Otherwise requests it rejects (non-idempotent writes,
    /// whose 500 may mean "landed") are retried inline only when the provider said "slow down" (429, 529, rate-limit 403).
    /// </param>
    public ResilienceHandler(ProviderRateLimiter limiter, TimeProvider clock, TimeSpan attemptTimeout, Func<HttpResponseMessage, bool>? isRateLimited = null,
        Func<HttpRequestMessage, bool>? mayRetryServerErrors = null)
    {
        _limiter = limiter;
        _clock = clock;
        _mayRetryServerErrors = mayRetryServerErrors;
        _pipeline = Build(clock, attemptTimeout, isRateLimited, serverErrors: true);
        _rateLimitOnlyPipeline = mayRetryServerErrors is null ? _pipeline : Build(clock, attemptTimeout, isRateLimited, serverErrors: false);
    }

    private static ResiliencePipeline<HttpResponseMessage> Build(TimeProvider clock, TimeSpan attemptTimeout, Func<HttpResponseMessage, bool>? isRateLimited, bool serverErrors)
    {
        bool SlowDown(HttpResponseMessage r) => r.StatusCode == HttpStatusCode.TooManyRequests || (int)r.StatusCode == 529 || (isRateLimited?.Invoke(r) ?? false);
        bool Transient(HttpResponseMessage r) => serverErrors ? RetryAfter.IsTransientStatus(r.StatusCode) || SlowDown(r) : SlowDown(r);
        return new ResiliencePipelineBuilder<HttpResponseMessage>()
            .AddRetry(new RetryStrategyOptions<HttpResponseMessage>
            {
                MaxRetryAttempts = 2,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = TimeSpan.FromMilliseconds(250),
                ShouldHandle = args => ValueTask.FromResult(args.Outcome switch
                {
                    { Exception: HttpRequestException or TimeoutRejectedException } => serverErrors,
                    { Result: { } r } => Transient(r) && (RetryAfter.From(r, clock) ?? TimeSpan.Zero) <= MaxInlineWait,
                    _ => false,
                }),
                DelayGenerator = args => ValueTask.FromResult(RetryAfter.WaitFor(args.Outcome.Result, clock)),
                OnRetry = args =>
                {
                    args.Outcome.Result?.Dispose();
                    return ValueTask.CompletedTask;
                },
            })
            .AddTimeout(attemptTimeout)
            .Build();
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        request.Options.TryGetValue(ProviderRequest.RateLimitKey, out var key);
        key ??= request.RequestUri?.Host ?? "default";
        try
        {
            var pipeline = _mayRetryServerErrors is null || _mayRetryServerErrors(request) ? _pipeline : _rateLimitOnlyPipeline;
            return await pipeline.ExecuteAsync(async ct =>
            {
                await _limiter.WaitAsync(key, ct);
                var response = await base.SendAsync(request, ct);
                if (RetryAfter.WaitFor(response, _clock) is { } wait) _limiter.BlockFor(key, wait);
                return response;
            }, cancellationToken);
        }
        catch (TimeoutRejectedException ex)
        {
            throw new TransientProviderException($"{request.RequestUri?.Host} did not answer in time.", null, ex);
        }
        catch (HttpRequestException ex)
        {
            throw new TransientProviderException($"Could not reach {request.RequestUri?.Host}: {ex.Message}", null, ex);
        }
    }
}
