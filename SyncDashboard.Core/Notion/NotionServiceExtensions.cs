using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using SyncDashboard.Core.Sync;
using SyncDashboard.Core.Sync.Http;
using SyncDashboard.Core.Sync.Polling;

namespace SyncDashboard.Core.Notion;

public static class NotionServiceExtensions
{
    public const string RateLimiterKey = "notion";

    /// <summary>
    /// Notion's client, provider and mapping validator. Needs persistence, token protection, a <see cref="TimeProvider"/>
    /// an <c>IAppBaseAddress</c> and, for connecting, the sync engine and an <see cref="Sync.Polling.IIntegrationPollSchedule"/>. OAuth settings are optional (internal tokens need none) but must come as a pair.
    /// </summary>
    public static IServiceCollection AddNotion(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<NotionOptions>().Bind(configuration.GetSection(NotionOptions.Section))
            .ValidateDataAnnotations()
            .Validate(o => string.IsNullOrWhiteSpace(o.ClientId) == string.IsNullOrWhiteSpace(o.ClientSecret),
                "Notion:ClientId and Notion:ClientSecret go together: set both (public OAuth integration) or neither (internal tokens).")
            .Validate(o => o.RequestTimeout > TimeSpan.Zero && o.PollInterval > TimeSpan.Zero && o.ReconcileInterval > TimeSpan.Zero,
                "Notion:RequestTimeout, Notion:PollInterval and Notion:ReconcileInterval must be positive.")
            .Validate(o => o.WebhookSetupWindow > TimeSpan.Zero && o.WebhookSetupWindow <= TimeSpan.FromHours(24),
                "Notion:WebhookSetupWindow must be positive and at most a day (e.g. 00:15:00).")
            .ValidateOnStart();
        services.AddHttpClient(NotionOAuthClient.HttpClientName);
        services.AddSingleton<NotionOAuthClient>();
        services.AddSingleton<NotionTokenSource>();
        services.AddSingleton<NotionMappingValidator>();
        services.AddTransient<NotionAuthHandler>();
        services.AddHttpClient<NotionClient>()
            // Held by a singleton provider, so connections are recycled by the handler instead of the factory.
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) })
            .SetHandlerLifetime(Timeout.InfiniteTimeSpan)
            .AddProviderResilience<NotionOptions>(RateLimiterKey, mayRetryServerErrors: NotionClient.MayRetryServerErrors)
            .AddHttpMessageHandler<NotionAuthHandler>();
        services.AddSingleton<NotionCalendarProvider>();
        services.AddSingleton<ICalendarProvider>(sp => sp.GetRequiredService<NotionCalendarProvider>());
        services.AddSingleton<NotionWebhookService>();
        services.AddSingleton<NotionWebhookSetup>();
        services.AddSingleton<NotionReconciliation>();
        services.AddSingleton<IProviderPolling, NotionPolling>();
        services.AddSingleton<Sync.Controls.IProviderDisconnect, NotionDisconnect>();
        // Needs the host's IIntegrationPollSchedule (the web app's Quartz jobs).
        services.AddTransient<NotionConnectService>();
        return services;
    }
}
