using Microsoft.Extensions.Options;
using SyncDashboard.Core.Sync;

namespace SyncDashboard.Web.Sync;

/// <summary>Runs queued pulls (webhooks, schedules) off the request path, two integrations at a time.</summary>
internal sealed class PullWorker(PullQueue queue, IncrementalPuller puller, ILogger<PullWorker> logger) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Parallel.ForEachAsync(queue.ReadAllAsync(stoppingToken), new ParallelOptions { MaxDegreeOfParallelism = 2, CancellationToken = stoppingToken },
            async (request, ct) =>
            {
                try { await puller.PullAsync(request.IntegrationId, request.Trigger, ct); }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    logger.LogError(ex, "Queued pull of integration {IntegrationId} failed", request.IntegrationId);
                }
            });
}

/// <summary>Sends outbox rows as soon as a commit signals them, so app changes reach providers within seconds.</summary>
internal sealed class OutboxWorker(IOutboxSignal signal, OutboxDispatcher dispatcher, IOptions<SyncOptions> options, ILogger<OutboxWorker> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await signal.WaitAsync(options.Value.DispatchInterval, stoppingToken);
                await dispatcher.DispatchDueAsync(ct: stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested) { }
            catch (Exception ex)
            {
                logger.LogError(ex, "Outbox dispatch failed; trying again shortly");
                await Task.Delay(TimeSpan.FromSeconds(1), stoppingToken);
            }
        }
    }
}
