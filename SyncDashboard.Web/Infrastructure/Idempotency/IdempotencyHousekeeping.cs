using Microsoft.Extensions.Options;
using SyncDashboard.Core.Idempotency;

namespace SyncDashboard.Web.Infrastructure.Idempotency;

/// <summary>
/// At start, frees the keys an earlier run's requests still held (they created nothing); then deletes expired keys every
/// <see cref="IdempotencyOptions.PurgeInterval"/>. Expiry itself does not wait for this: an expired key is new to
/// <see cref="IdempotencyService.BeginAsync"/>.
/// </summary>
internal sealed class IdempotencyHousekeeping(IdempotencyService keys, IOptions<IdempotencyOptions> options, TimeProvider clock,
    ILogger<IdempotencyHousekeeping> logger) : BackgroundService
{
    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        // Before the server listens; the time bound keeps a request of this run safe all the same.
        await keys.ReleaseAbandonedAsync(clock.GetUtcNow().UtcDateTime, cancellationToken);
        await base.StartAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.PurgeInterval, clock);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                try { await keys.PurgeExpiredAsync(stoppingToken); }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    logger.LogError(ex, "Deleting expired Idempotency-Keys failed; trying again in {Interval}", options.Value.PurgeInterval);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested) { }
    }
}
