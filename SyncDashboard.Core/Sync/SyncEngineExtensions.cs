using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using SyncDashboard.Core.Sync.Settings;
using SyncDashboard.Core.Sync.Pull;
using SyncDashboard.Core.Sync.Outbox;
using SyncDashboard.Core.Sync.Merge;
using SyncDashboard.Core.Sync.Conflicts;
using SyncDashboard.Core.Sync.MassDelete;
using SyncDashboard.Core.Sync.Queue;

namespace SyncDashboard.Core.Sync;

public static class SyncEngineExtensions
{
    public static IServiceCollection AddSyncEngine(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<SyncOptions>().Bind(configuration.GetSection(SyncOptions.Section)).ValidateDataAnnotations()
            .Validate(o => o.InFlightLease > TimeSpan.Zero, "Sync:InFlightLease must be positive (e.g. 00:03:00).")
            .ValidateOnStart();
        services.AddSingleton<ProviderRegistry>();
        services.AddSingleton<IntegrationLocks>();
        services.AddSingleton<Reconciler>();
        services.AddSingleton<IncrementalPuller>();
        services.AddSingleton<OutboxDispatcher>();
        services.AddSingleton<PullQueue>();
        services.AddSingleton<Polling.IntegrationPoller>();
        services.AddSingleton<Connect.IntegrationActivation>();
        services.AddSingleton<SyncNowService>();
        services.AddSingleton<ConflictService>();
        services.AddSingleton<IntegrationSettingsService>();
        services.AddSingleton<Controls.IntegrationControls>();
        services.AddSingleton<Activity.ActivityService>();
        services.AddSingleton<Activity.OutboxRetry>();
        services.AddSingleton<Progress.SyncProgressNotifier>();
        services.AddMassDeleteGuard(configuration);
        services.AddOutboxQueue(configuration);
        return services;
    }
}
