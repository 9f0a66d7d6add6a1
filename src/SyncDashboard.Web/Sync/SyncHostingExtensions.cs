using SyncDashboard.Core.Sync;
using SyncDashboard.Web.Jobs;

namespace SyncDashboard.Web.Sync;

public static class SyncHostingExtensions
{
    /// <summary>The background side of sync: queued pulls, the outbox worker, and the Quartz schedules.</summary>
    public static IServiceCollection AddSyncJobs(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddHostedService<PullWorker>();
        services.AddHostedService<OutboxWorker>();
        var sync = configuration.GetSection(SyncOptions.Section).Get<SyncOptions>() ?? new SyncOptions();
        services.AddSingleton(new JobSchedule(typeof(OutboxDispatchJob), sync.DispatchInterval, TimeSpan.FromSeconds(5)));
        services.AddSingleton(new JobSchedule(typeof(SafetyNetSyncJob), sync.SafetyNetInterval, sync.SafetyNetInterval));
        services.AddSingleton(new JobSchedule(typeof(ChannelRenewalJob), sync.ChannelRenewalInterval, TimeSpan.FromMinutes(1)));
        services.AddSingleton<SchedulerAccessor>();
        services.AddHostedService<QuartzHostedService>();
        return services;
    }
}
