using SyncDashboard.Web.Activity;
using SyncDashboard.Core;
using SyncDashboard.Core.Common;
using SyncDashboard.Core.Google;
using SyncDashboard.Core.Sync;
using SyncDashboard.Web.Emulators;
using SyncDashboard.Web.Google;
using SyncDashboard.Web.Notion;
using SyncDashboard.Web.Sync;
using SyncDashboard.Core.Persistence;
using SyncDashboard.Web.Accounts;
using SyncDashboard.Web.Calendar;
using SyncDashboard.Web.Components;
using SyncDashboard.Web.Demo;
using SyncDashboard.Web.Events;
using SyncDashboard.Web.Infrastructure;
using SyncDashboard.Web.Realtime;

namespace SyncDashboard.Web;

/// <summary>
/// The composition root: one call per feature. Program runs it; the test fixture runs the same thing on a
/// loopback Kestrel port with its own configuration, so tests exercise exactly what users get.
/// </summary>
public static class SyncDashboardApp
{
    public static WebApplication Build(string[] args, Action<WebApplicationBuilder>? configure = null)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            Args = args,
            ApplicationName = typeof(SyncDashboardApp).Assembly.GetName().Name,
        });
        configure?.Invoke(builder);

        var demo = builder.AddDemoDefaults();
        builder.Services.AddSingleton<IAppBaseAddress, AppBaseAddress>();
        builder.Services.AddPersistence(builder.Configuration, builder.Environment.ContentRootPath);
        builder.Services.AddTokenProtection(builder.Configuration);
        builder.Services.AddEvents(builder.Configuration);
        builder.Services.AddAccounts();
        builder.Services.AddSyncEngine(builder.Configuration);
        builder.Services.AddGoogleCalendar(builder.Configuration);
        builder.Services.AddNotionDatabases(builder.Configuration);
        builder.Services.AddSyncJobs(builder.Configuration);
        builder.Services.AddEmulators(builder.Configuration, demo);
        builder.Services.AddDashboardAuthentication();
        builder.Services.AddRealtime();
        builder.Services.AddApiInfrastructure();
        builder.Services.AddDashboard();

        var app = builder.Build();

        app.UseApiInfrastructure();
        app.UseRateLimiter();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseAntiforgery();

        app.MapAccountEndpoints();
        app.MapApiTokenEndpoints();
        app.MapEventEndpoints();
        app.MapCalendarEndpoints();
        app.MapRealtime();
        app.MapSyncEndpoints();
        app.MapConflictEndpoints();
        app.MapIntegrationControls();
        app.MapActivityEndpoints();
        app.MapGoogleWebhooks();
        app.MapGoogleConnect();
        app.MapNotion();
        app.MapEmulators();
        app.MapDashboard();
        return app;
    }
}
