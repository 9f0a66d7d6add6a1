using System.Collections.Concurrent;
using Microsoft.Extensions.Options;
using SyncDashboard.Core.Sync;
using SyncDashboard.Core.Sync.Pull;
using SyncDashboard.Core.Sync.Outbox;

namespace SyncDashboard.Web.Sync;

/// <summary>
/// Runs queued pulls (webhooks, schedules) off the request path, four integrations at a time: a pull waiting on one
/// connection's rate limit (Notion's 3 requests/s) must not hold up everyone else's.
/// </summary>
internal sealed class PullWorker(PullQueue queue, IncrementalPuller puller, ILogger<PullWorker> logger) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Parallel.ForEachAsync(queue.ReadAllAsync(stoppingToken), new ParallelOptions { MaxDegreeOfParallelism = 4, CancellationToken = stoppingToken },
            async (request, ct) =>
            {
                try { await puller.PullAsync(request.IntegrationId, request.Trigger, ct); }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    logger.LogError(ex, "Queued pull of integration {IntegrationId} failed", request.IntegrationId);
                }
            });
}

/// <summary>
/// Sends outbox rows as soon as a commit signals them, so app changes reach providers within seconds. Each integration
/// with due rows is drained by its own task (at most four at once), so a rate-limited backlog of one user's Notion
/// database never delays another user's change; a finished drain wakes the loop in case rows arrived meanwhile.
/// </summary>
internal sealed class OutboxWorker(IOutboxSignal signal, OutboxDispatcher dispatcher, IOptions<SyncOptions> options,
    IHostApplicationLifetime lifetime, ILogger<OutboxWorker> logger) : BackgroundService
{
    private readonly ConcurrentDictionary<Guid, byte> _draining = new();
    private readonly List<Task> _drains = []; // touched by the loop only
    private readonly SemaphoreSlim _slots = new(4, 4);

    /// <summary>
    /// Takes back what an earlier run left in flight. Hosted services start before the server listens, so nothing of
    /// this run is in flight yet.
    /// </summary>
    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        await dispatcher.ReclaimAtStartAsync(cancellationToken);
        await base.StartAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // The first pass runs as soon as the server listens — recovery after a crash or a restart takes seconds, not a
        // lease or a DispatchInterval — and not before: the built-in emulators are reached through the app's own
        // address, which is known (and answers) only then.
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using (lifetime.ApplicationStarted.Register(() => started.TrySetResult()))
        {
            try { await started.Task.WaitAsync(stoppingToken); }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested) { return; }
        }
        signal.Notify();
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await signal.WaitAsync(await NextWaitAsync(stoppingToken), stoppingToken);
                _drains.RemoveAll(t => t.IsCompleted);
                foreach (var integrationId in await dispatcher.DueIntegrationsAsync(stoppingToken))
                    if (_draining.TryAdd(integrationId, 0)) _drains.Add(DrainAsync(integrationId, stoppingToken));
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested) { }
            catch (Exception ex)
            {
                logger.LogError(ex, "Outbox dispatch failed; trying again shortly");
                await Task.Delay(TimeSpan.FromSeconds(1), stoppingToken);
            }
        }
        await Task.WhenAll(_drains);
    }

    /// <summary>
    /// Until the scheduled scan, or sooner when a row falls due before it — a delete leaves right after its undo window
    /// (ADR 0014), a retry right after its backoff. Rows being drained now are left to their drain.
    /// </summary>
    private async Task<TimeSpan> NextWaitAsync(CancellationToken ct)
    {
        var interval = options.Value.DispatchInterval;
        if (await dispatcher.UntilNextDueAsync(ct) is not { } due) return interval;
        // A little past the due time so the row is due when the pass looks; never a busy loop on a row a drain holds.
        var wait = due + TimeSpan.FromMilliseconds(50);
        if (wait < TimeSpan.FromMilliseconds(200) && !_draining.IsEmpty) wait = TimeSpan.FromMilliseconds(200);
        return wait < interval ? wait : interval;
    }

    private async Task DrainAsync(Guid integrationId, CancellationToken ct)
    {
        await Task.Yield();
        try
        {
            await _slots.WaitAsync(ct);
            try
            {
                // Until a pass finds nothing due (sent, or waiting for its backoff).
                while ((await dispatcher.DispatchDueAsync(integrationId, ct: ct)).Processed > 0) { }
            }
            finally { _slots.Release(); }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested) { }
        catch (Exception ex)
        {
            logger.LogError(ex, "Draining the outbox of integration {IntegrationId} failed; trying again shortly", integrationId);
        }
        finally
        {
            _draining.TryRemove(integrationId, out _);
            signal.Notify();
        }
    }
}
