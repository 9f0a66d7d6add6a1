using SyncDashboard.Core.Notifications;
using SyncDashboard.Web.Infrastructure;

namespace SyncDashboard.Web.Realtime;

public static class RealtimeExtensions
{
    public static IServiceCollection AddRealtime(this IServiceCollection services)
    {
        services.AddSignalR().AddAppJson();
        services.AddSingleton<IChangeSink, HubChangeSink>();
        services.AddSingleton<Core.Sync.Progress.ISyncProgressSink, HubProgressSink>();
        services.AddSingleton<HubConnections>();
        return services;
    }

    public static IEndpointRouteBuilder MapRealtime(this IEndpointRouteBuilder app)
    {
        app.MapHub<CalendarHub>("/hubs/calendar");
        // The plain-JavaScript widget; it signs in with the same cookie and answers "sign in" itself when it has none.
        app.MapGet("/widget/next-event", (IWebHostEnvironment env) =>
            Results.File(Path.Combine(env.WebRootPath, "widget", "next-event.html"), "text/html; charset=utf-8"))
            .ExcludeFromDescription();
        return app;
    }
}
