using SyncDashboard.Core.Notion;

namespace SyncDashboard.Web.Notion;

public static class NotionHostingExtensions
{
    /// <summary>Notion's client and sync services, with one Quartz poll job per connected database.</summary>
    public static IServiceCollection AddNotionDatabases(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddNotion(configuration);
        services.AddSingleton<QuartzNotionPollSchedule>();
        services.AddSingleton<INotionPollSchedule>(sp => sp.GetRequiredService<QuartzNotionPollSchedule>());
        services.AddHostedService<NotionPollBootstrapper>();
        return services;
    }

    public static IEndpointRouteBuilder MapNotion(this IEndpointRouteBuilder app)
    {
        app.MapNotionWebhooks();
        app.MapNotionEndpoints();
        return app;
    }
}
