using Quartz;
using SyncDashboard.Core.Sync;
using SyncDashboard.Core.Sync.Polling;
using SyncDashboard.Web.Jobs;

namespace SyncDashboard.Web.Sync;

public static class SyncHostingExtensions
{
    /// <summary>
    /// The background side of sync: queued pulls, the outbox worker (woken by each commit and every
    /// <see cref="SyncOptions.DispatchInterval"/> for due retries), and Quartz: one poll job per integration plus the
    /// Google channel renewal.
    /// </summary>
    public static IServiceCollection AddSyncJobs(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddHostedService<PullWorker>();
        services.AddHostedService<OutboxWorker>();
        var sync = configuration.GetSection(SyncOptions.Section).Get<SyncOptions>() ?? new SyncOptions();
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
        });
        services.AddQuartzHostedService(scheduler.Name, options => options.WaitForJobsToComplete = true);
        services.AddSingleton<QuartzIntegrationPollSchedule>();
        services.AddSingleton<IIntegrationPollSchedule>(sp => sp.GetRequiredService<QuartzIntegrationPollSchedule>());
        services.AddHostedService<IntegrationPollBootstrapper>();
        return services;
    }
}
