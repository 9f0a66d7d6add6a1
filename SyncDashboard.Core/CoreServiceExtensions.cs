using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using SyncDashboard.Core.Accounts;
using SyncDashboard.Core.Display;
using SyncDashboard.Core.Events;
using SyncDashboard.Core.Notifications;
using SyncDashboard.Core.Security;
using SyncDashboard.Core.Sync;
using SyncDashboard.Core.Sync.Status;
using SyncDashboard.Core.Sync.Outbox;

namespace SyncDashboard.Core;

public static class CoreServiceExtensions
{
    /// <summary>Events, upcoming, the change notifier and the outbox signal: the app's own calendar.</summary>
    public static IServiceCollection AddEvents(this IServiceCollection services, IConfiguration configuration)
    {
        // A host may bring its own clock (tests, benchmarks); everything else reads time through this one.
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<IChangeNotifier, ChangeNotifier>();
        services.AddSingleton<IOutboxSignal, OutboxSignal>();
        services.AddOptions<EventOptions>().Bind(configuration.GetSection(EventOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<EventService>();
        services.AddSingleton<DeliveryWatcher>();
        services.AddSingleton<UpcomingService>();
        services.AddSingleton<SyncStatusService>();
        return services;
    }

    public static IServiceCollection AddAccounts(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddOptions<AccountSecurityOptions>()
            .BindConfiguration(AccountSecurityOptions.Section)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        // The web host replaces this with one that ends hub connections.
        services.TryAddSingleton<ILiveSessions, NoLiveSessions>();
        services.AddSingleton<AccountService>();
        services.AddSingleton<DisplaySettingsService>();
        services.AddSingleton<ApiTokenService>();
        services.AddSingleton<Demo.DemoSeeder>();
        return services;
    }

    public static IServiceCollection AddTokenProtection(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<TokenProtectionOptions>()
            .Bind(configuration.GetSection(TokenProtectionOptions.Section))
            .ValidateDataAnnotations()
            .Validate(o => o.Keys.ContainsKey(o.ActiveKeyId), "TokenProtection:Keys must contain the key named by TokenProtection:ActiveKeyId.")
            .ValidateOnStart();
        services.AddSingleton<ITokenProtector, AesGcmTokenProtector>();
        return services;
    }
}
