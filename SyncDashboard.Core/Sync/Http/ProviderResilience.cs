using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;
using Polly;
using Polly.Timeout;

namespace SyncDashboard.Core.Sync.Http;

/// <summary>The two settings every provider's options carry for its client's resilience.</summary>
public interface IProviderHttpOptions
{
    /// <summary>Average requests per second per rate-limit bucket; the burst is the same number.</summary>
    double RequestsPerSecond { get; }

    /// <summary>Per-attempt timeout.</summary>
    TimeSpan RequestTimeout { get; }
}

/// <summary>
/// The one place provider calls are retried. A request meets, from the outside in: <see cref="TransportFailureHandler"/>
/// (what escapes becomes the engine's exception), the library's resilience handler (a couple of quick jittered retries
/// that honour a short Retry-After, then a per-attempt timeout), and per attempt <see cref="RateLimitHandler"/> (the
/// bucket). Anything that needs longer goes back to the durable outbox instead of holding a thread.
/// </summary>
public static class ProviderResilience
{
    /// <summary>A Retry-After longer than this is not waited out inline.</summary>
    public static readonly TimeSpan MaxInlineWait = TimeSpan.FromSeconds(2);

    /// <param name="name">The provider: names the pipeline and keys its <see cref="ProviderRateLimiter"/>.</param>
    /// <param name="isRateLimited">A "slow down" the status code does not show (Google's rate-limit 403).</param>
    /// <param name="mayRetryServerErrors">
    /// Null: every request is retried on any transient outcome. Otherwise requests it rejects (non-idempotent writes,
    /// whose 500 may mean "landed") are retried inline only when the provider said "slow down" (429, 529, rate-limit 403).
    /// </param>
    public static IHttpClientBuilder AddProviderResilience<TOptions>(this IHttpClientBuilder http, string name,
        Func<HttpResponseMessage, bool>? isRateLimited = null, Func<HttpRequestMessage, bool>? mayRetryServerErrors = null)
        where TOptions : class, IProviderHttpOptions
    {
        http.Services.TryAddKeyedSingleton(name, (sp, _) =>
        {
            var rps = sp.GetRequiredService<IOptions<TOptions>>().Value.RequestsPerSecond;
            return new ProviderRateLimiter(rps, (int)Math.Ceiling(rps), sp.GetRequiredService<TimeProvider>());
        });
        http.AddHttpMessageHandler(() => new TransportFailureHandler());
        http.AddResilienceHandler(name, (pipeline, context) =>
        {
            // Polly's registration helpers give this builder the app's TimeProvider, so delays and timeouts follow it too.
            var clock = context.ServiceProvider.GetRequiredService<TimeProvider>();
            pipeline
                .AddRetry(Retry(clock, isRateLimited, mayRetryServerErrors))
                .AddTimeout(new HttpTimeoutStrategyOptions { Timeout = context.ServiceProvider.GetRequiredService<IOptions<TOptions>>().Value.RequestTimeout });
        });
        http.AddHttpMessageHandler(sp => new RateLimitHandler(sp.GetRequiredKeyedService<ProviderRateLimiter>(name), sp.GetRequiredService<TimeProvider>()));
        return http;
    }

    private static HttpRetryStrategyOptions Retry(TimeProvider clock, Func<HttpResponseMessage, bool>? isRateLimited,
        Func<HttpRequestMessage, bool>? mayRetryServerErrors)
    {
        bool SlowDown(HttpResponseMessage r) =>
            r.StatusCode == HttpStatusCode.TooManyRequests || (int)r.StatusCode == 529 || (isRateLimited?.Invoke(r) ?? false);

        return new HttpRetryStrategyOptions
        {
            MaxRetryAttempts = 2,
            Delay = TimeSpan.FromMilliseconds(250),
            // Our transient set, not the library's (which adds 408 and every 5xx): the error mapping uses the same one.
            ShouldHandle = args =>
            {
                var request = args.Context.GetRequestMessage();
                var serverErrors = mayRetryServerErrors is null || request is null || mayRetryServerErrors(request);
                return ValueTask.FromResult(args.Outcome switch
                {
                    { Exception: HttpRequestException or TimeoutRejectedException } => serverErrors,
                    { Result: { } r } => (SlowDown(r) || (serverErrors && RetryAfter.IsTransientStatus(r.StatusCode)))
                        && (RetryAfter.From(r, clock) ?? TimeSpan.Zero) <= MaxInlineWait,
                    _ => false,
                });
            },
            // Replaces the generator ShouldRetryAfterHeader installs: that one reads TimeProvider.System and adds no margin.
            DelayGenerator = args => ValueTask.FromResult(RetryAfter.WaitFor(args.Outcome.Result, clock)),
        };
    }
}
