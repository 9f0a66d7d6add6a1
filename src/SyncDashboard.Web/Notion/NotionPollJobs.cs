using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Quartz;
using SyncDashboard.Core.Domain;
using SyncDashboard.Core.Notion;
using SyncDashboard.Core.Persistence;
using SyncDashboard.Core.Sync;
using SyncDashboard.Web.Jobs;

namespace SyncDashboard.Web.Notion;

/// <summary>
/// One database's poll: queue an incremental pull (coalescing with webhook-triggered ones) and, when it is due, the
/// reconciliation scan for pages that vanished without a trace. Removes itself once the integration is gone.
/// </summary>
[DisallowConcurrentExecution]
internal sealed class NotionPollJob(IDbContextFactory<AppDbContext> dbFactory, PullQueue pulls, NotionReconciliation reconciliation,
    ILogger<NotionPollJob> logger) : IJob
{
    public const string IntegrationIdKey = "integrationId";

    public async Task Execute(IJobExecutionContext context)
    {
        var ct = context.CancellationToken;
        var integrationId = Guid.Parse(context.MergedJobDataMap.GetString(IntegrationIdKey)!);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var integration = await db.Integrations.AsNoTracking().Where(i => i.Id == integrationId)
            .Select(i => new { i.IsActive, i.Provider, i.LastFullScanAt }).FirstOrDefaultAsync(ct);
        if (integration is not { IsActive: true, Provider: Provider.Notion })
        {
            logger.LogInformation("Notion integration {IntegrationId} is gone or disconnected; removing its poll job", integrationId);
            await context.Scheduler.DeleteJob(context.JobDetail.Key, ct);
            return;
        }
        pulls.Request(integrationId, SyncTrigger.Poll);
        if (reconciliation.IsDue(integration.LastFullScanAt)) await reconciliation.RunAsync(integrationId, ct);
    }
}

/// <summary>Adds and removes the per-database Quartz poll jobs.</summary>
internal sealed class QuartzNotionPollSchedule(SchedulerAccessor scheduler, IOptions<NotionOptions> options, ILogger<QuartzNotionPollSchedule> logger)
    : INotionPollSchedule
{
    public Task StartAsync(Guid integrationId, CancellationToken ct) => ScheduleAsync(integrationId, options.Value.PollInterval, ct);

    /// <summary>
    /// Every <see cref="NotionOptions.PollInterval"/>, the first run after <paramref name="firstRunAfter"/>;
    /// replaces an existing schedule for the same integration.
    /// </summary>
    public async Task ScheduleAsync(Guid integrationId, TimeSpan firstRunAfter, CancellationToken ct)
    {
        var quartz = await scheduler.GetAsync(ct);
        var interval = options.Value.PollInterval;
        var job = JobBuilder.Create<NotionPollJob>().WithIdentity(JobKeyFor(integrationId))
            .UsingJobData(NotionPollJob.IntegrationIdKey, integrationId.ToString()).Build();
        await quartz.ScheduleJob(job, [QuartzHostedService.Recurring("notion-poll-trigger-" + integrationId, interval, firstRunAfter)], replace: true, ct);
        logger.LogInformation("Polling Notion integration {IntegrationId} every {Interval}", integrationId, interval);
    }

    public async Task StopAsync(Guid integrationId, CancellationToken ct)
    {
        var quartz = await scheduler.GetAsync(ct);
        if (await quartz.DeleteJob(JobKeyFor(integrationId), ct))
            logger.LogInformation("Stopped polling Notion integration {IntegrationId}", integrationId);
    }

    private static JobKey JobKeyFor(Guid integrationId) => new("notion-poll-" + integrationId);
}

/// <summary>At start, one poll job per active Notion integration, their first runs spread over one interval.</summary>
internal sealed class NotionPollBootstrapper(IDbContextFactory<AppDbContext> dbFactory, QuartzNotionPollSchedule schedule,
    IOptions<NotionOptions> options) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(stoppingToken);
        var ids = await db.Integrations.Where(i => i.Provider == Provider.Notion && i.IsActive).Select(i => i.Id).ToListAsync(stoppingToken);
        var interval = options.Value.PollInterval;
        foreach (var id in ids)
            await schedule.ScheduleAsync(id, interval * Random.Shared.NextDouble(), stoppingToken);
    }
}
