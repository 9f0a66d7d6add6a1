using Quartz;
using SyncDashboard.Core.Sync;
using SyncDashboard.Core.Sync.Polling;
using SyncDashboard.Core.Sync.Queue;
using SyncDashboard.Web.Jobs;

namespace SyncDashboard.Web.Sync;

public static class SyncHostingExtensions
{
    /// <summary>
    /// The background side of sync: queued pulls, the outbox worker (woken by each commit and every
    /// <see cref="SyncOptions.DispatchInterval"/> for due retries), and Quartz: one poll job per integration, the
    /// Google channel renewal and the outbox retention.
    /// </summary>
    public static IServiceCollection AddSyncJobs(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddHostedService<PullWorker>();
        services.AddHostedService<OutboxWorker>();
        var sync = configuration.GetSection(SyncOptions.Section).Get<SyncOptions>() ?? new SyncOptions();
        var retention = configuration.GetSection(QueueRetentionOptions.Section).Get<QueueRetentionOptions>() ?? new QueueRetentionOptions();
        // Quartz keeps a process-wide registry of schedulers by name, and tests run several hosts in one process.
        var scheduler = new SyncScheduler($"SyncDashboard-{Guid.NewGuid():N}");
        services.AddSingleton(scheduler);
        services.AddQuartz(scheduler.Name, q =>
        {
            q.UseDefaultThreadPool(pool => pool.MaxConcurrency = 4);
            q.ScheduleJob<ChannelRenewalJob>(
                trigger => trigger.WithIdentity(nameof(ChannelRenewalJob) + ".trigger").StartAt(DateTimeOffset.UtcNow.AddMinutes(1))
                    .WithSchedule(RecurringTrigger.Every(sync.ChannelRenewalInterval)),
                job => job.WithIdentity(nameof(ChannelRenewalJob)));
            q.ScheduleJob<OutboxRetentionJob>(
                trigger => trigger.WithIdentity(nameof(OutboxRetentionJob) + ".trigger").StartAt(DateTimeOffset.UtcNow.AddMinutes(1))
                    .WithSchedule(RecurringTrigger.Every(retention.RetentionInterval)),
                job => job.WithIdentity(OutboxRetentionJob.Key));
        });
        services.AddQuartzHostedService(scheduler.Name, options => options.WaitForJobsToComplete = true);
        services.AddSingleton<QuartzIntegrationPollSchedule>();
        services.AddSingleton<IIntegrationPollSchedule>(sp => sp.GetRequiredService<QuartzIntegrationPollSchedule>());
        services.AddHostedService<IntegrationPollBootstrapper>();
        return services;
    }
}
