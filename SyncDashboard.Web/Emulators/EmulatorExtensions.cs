using SyncDashboard.Core.Common;
using SyncDashboard.Core.Sync.Connect;
using SyncDashboard.Emulators.People;
using SyncDashboard.Emulators.Google;
using SyncDashboard.Emulators.Notion;
using SyncDashboard.Web.Demo;

namespace SyncDashboard.Web.Emulators;

/// <summary>
/// Hosts the Google and Notion emulators inside the app (demo mode and tests). The real clients reach them over
/// real HTTP through relative base URLs, exactly as they would reach Google and Notion.
/// </summary>
public static class EmulatorExtensions
{
    public const string GooglePrefix = "/emulator/google";
    public const string NotionPrefix = "/emulator/notion";

    public static bool EmulatorsEnabled(this IConfiguration configuration, DemoMode demo) =>
        configuration.GetValue<bool?>("Emulators:Enabled") ?? demo.Enabled;

    public static IServiceCollection AddEmulators(this IServiceCollection services, IConfiguration configuration, DemoMode demo)
    {
        if (!configuration.EmulatorsEnabled(demo)) return services;
        services.AddGoogleCalendarEmulator(configuration);
        services.AddNotionEmulator(configuration);
        // One emulator serves every app user: each gets their own emulated account and workspace, and only those.
        services.AddSingleton<IEmulatorPeople, AppEmulatorPeople>();
        services.AddSingleton<IAccountClaimRule, EmulatedAccountOwnership>();
        services.AddSingleton(new EmulatedSites(GooglePrefix + "/", NotionPrefix + "/"));
        // The emulators call back only the app they serve, never an address someone typed into a request; links to an
        // event "on the other side" open their side pages, as google.com and notion.so know nothing of emulated events.
        services.AddOptions<GoogleEmulatorOptions>().Configure<IAppBaseAddress>((o, app) =>
        {
            o.AllowedWebhookOrigin = () => app.Resolve("/");
            o.SidePage = () => SidePage(app, GooglePrefix);
        });
        services.AddOptions<NotionEmulatorOptions>().Configure<IAppBaseAddress>((o, app) =>
        {
            o.AllowedWebhookOrigin = () => app.Resolve("/");
            o.SidePage = () => SidePage(app, NotionPrefix);
        });
        return services;
    }

    /// <summary>The side page's address; null before the server listens (nothing to link to yet: the provider's own link stands).</summary>
    private static Uri? SidePage(IAppBaseAddress app, string prefix)
    {
        try { return app.Resolve(prefix + "/"); }
        catch (InvalidOperationException) { return null; }
    }

    public static WebApplication MapEmulators(this WebApplication app)
    {
        if (!app.Configuration.EmulatorsEnabled(app.Services.GetRequiredService<DemoMode>())) return app;
        app.MapGoogleCalendarEmulator(GooglePrefix);
        app.MapNotionEmulator(NotionPrefix);
        return app;
    }

    /// <summary>Configuration that points the real clients at the emulators, unless the operator configured otherwise.</summary>
    public static Dictionary<string, string?> ClientDefaults(IConfiguration configuration, string contentRoot)
    {
        var defaults = new Dictionary<string, string?>
        {
            ["Google:ClientId"] = "emulator-google-client",
            ["Google:ClientSecret"] = "emulator-google-secret",
            ["Google:AuthorizationUrl"] = GooglePrefix + "/o/oauth2/v2/auth",
            ["Google:TokenUrl"] = GooglePrefix + "/token",
            ["Google:RevokeUrl"] = GooglePrefix + "/revoke",
            ["Google:ApiBaseUrl"] = GooglePrefix + "/calendar/v3/",
            ["Notion:ClientId"] = "emulator-notion-client",
            ["Notion:ClientSecret"] = "emulator-notion-secret",
            ["Notion:AuthorizationUrl"] = NotionPrefix + "/v1/oauth/authorize",
            ["Notion:TokenUrl"] = NotionPrefix + "/v1/oauth/token",
            ["Notion:RevokeUrl"] = NotionPrefix + "/v1/oauth/revoke",
            ["Notion:ApiBaseUrl"] = NotionPrefix + "/v1/",
            ["Emulators:Google:StatePath"] = Path.Combine(contentRoot, "App_Data", "google-emulator.json"),
            ["Emulators:Notion:StatePath"] = Path.Combine(contentRoot, "App_Data", "notion-emulator.json"),
        };
        return defaults.Where(d => configuration[d.Key] is null).ToDictionary(d => d.Key, d => d.Value);
    }
}
