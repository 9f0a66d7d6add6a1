using SyncDashboard.Core.Notion;

namespace SyncDashboard.Web.Notion;

public static class NotionHostingExtensions
{
    /// <summary>Notion's client and sync services; their poll jobs come with the sync jobs.</summary>
    public static IServiceCollection AddNotionDatabases(this IServiceCollection services, IConfiguration configuration) =>
        services.AddNotion(configuration);

    public static IEndpointRouteBuilder MapNotion(this IEndpointRouteBuilder app)
    {
        app.MapNotionWebhooks();
        app.MapNotionEndpoints();
        return app;
    }
}
