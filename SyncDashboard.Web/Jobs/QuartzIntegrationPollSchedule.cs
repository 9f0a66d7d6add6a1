using Quartz;
using SyncDashboard.Core.Domain;
using SyncDashboard.Core.Sync.Polling;

namespace SyncDashboard.Web.Jobs;

/// <summary>Adds and removes the per-integration Quartz poll jobs, at the interval the integration's provider asks for.</summary>
internal sealed class QuartzIntegrationPollSchedule(IServiceProvider services, SyncScheduler syncScheduler, IntegrationPoller poller, ILogger<QuartzIntegrationPollSchedule> logger)
    : IIntegrationPollSchedule
{
    public async Task StartAsync(Guid integrationId, CancellationToken ct)
    {
        var provider = await poller.PolledProviderAsync(integrationId, ct);
        if (provider is { } p) await ScheduleAsync(integrationId, p, poller.IntervalFor(p), ct);
    }

    /// <summary>Polls every provider interval, the first time after <paramref name="firstRunAfter"/>; replaces an existing schedule.</summary>
    public async Task ScheduleAsync(Guid integrationId, Provider provider, TimeSpan firstRunAfter, CancellationToken ct)
    {
        var scheduler = await SchedulerAsync(ct);
        var interval = poller.IntervalFor(provider);
        var job = JobBuilder.Create<IntegrationPollJob>().WithIdentity(JobKeyFor(integrationId))
            .UsingJobData(IntegrationPollJob.IntegrationIdKey, integrationId.ToString()).Build();
        var trigger = RecurringTrigger.Create(new TriggerKey("poll-trigger-" + integrationId), job.Key, interval, firstRunAfter);
        await scheduler.ScheduleJob(job, trigger, ScheduleJobOptions.Replacing, ct);
        logger.LogInformation("Polling {Provider} integration {IntegrationId} every {Interval}", provider, integrationId, interval);
    }

    public async Task StopAsync(Guid integrationId, CancellationToken ct)
    {
        var scheduler = await SchedulerAsync(ct);
        if (await scheduler.DeleteJob(JobKeyFor(integrationId), ct))
            logger.LogInformation("Stopped polling integration {IntegrationId}", integrationId);
    }

    private Task<IScheduler> SchedulerAsync(CancellationToken ct) =>
        services.GetRequiredKeyedService<ISchedulerFactory>(syncScheduler.Name).GetScheduler(ct).AsTask();

    private static JobKey JobKeyFor(Guid integrationId) => new("poll-" + integrationId);
}

/// <summary>At start, one poll job per active integration, their first runs spread over one interval.</summary>
internal sealed class IntegrationPollBootstrapper(IntegrationPoller poller, QuartzIntegrationPollSchedule schedule) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        foreach (var (id, provider) in await poller.ActiveAsync(stoppingToken))
            await schedule.ScheduleAsync(id, provider, poller.IntervalFor(provider) * Random.Shared.NextDouble(), stoppingToken);
    }
}
