using Google.Apis.Util.Store;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using SyncDashboard.Core.Sync;
using SyncDashboard.Core.Sync.Http;
using SyncDashboard.Core.Sync.Polling;

namespace SyncDashboard.Core.Google;

public static class GoogleServiceExtensions
{
    public const string RateLimiterKey = "google";

    public static IServiceCollection AddGoogleCalendar(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<GoogleOptions>().Bind(configuration.GetSection(GoogleOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<IDataStore, CredentialDataStore>();
        services.AddSingleton<GoogleAuthFlowFactory>();
        services.AddSingleton<GoogleTokenSource>();
        services.AddTransient<GoogleAuthHandler>();
        services.AddHttpClient<GoogleCalendarClient>()
            // Long-lived (the sync engine is a singleton), so connections are recycled by the handler instead.
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) })
            .SetHandlerLifetime(Timeout.InfiniteTimeSpan)
            .AddProviderResilience<GoogleOptions>(RateLimiterKey, isRateLimited: GoogleErrors.IsRateLimited)
            .AddHttpMessageHandler<GoogleAuthHandler>();
        services.AddSingleton<ICalendarProvider, GoogleCalendarProvider>();
        services.AddSingleton<GoogleChannelService>();
        services.AddSingleton<GoogleWebhookService>();
        services.AddSingleton<IProviderPolling, GooglePolling>();
        services.AddSingleton<GoogleConnectService>();
        services.AddSingleton<Sync.Controls.IProviderDisconnect, GoogleDisconnect>();
        return services;
    }
}
