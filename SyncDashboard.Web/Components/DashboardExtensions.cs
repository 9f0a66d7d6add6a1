using Radzen;

namespace SyncDashboard.Web.Components;

public static class DashboardExtensions
{
    public static IServiceCollection AddDashboard(this IServiceCollection services)
    {
        services.AddRazorComponents().AddInteractiveServerComponents();
        services.AddRadzenComponents();
        return services;
    }

    public static WebApplication MapDashboard(this WebApplication app)
    {
        app.MapRazorComponents<App>().AddInteractiveServerRenderMode();
        return app;
    }
}
