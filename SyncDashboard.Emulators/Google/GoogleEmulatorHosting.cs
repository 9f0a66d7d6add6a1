using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using SyncDashboard.Emulators.Google.Http;
using SyncDashboard.Emulators.Google.Push;

namespace SyncDashboard.Emulators.Google;

public static class GoogleEmulatorHosting
{
    public const string DefaultPrefix = "/emulator/google";

    /// <summary>Registers the emulator state, its options (<c>Emulators:Google</c>) and the push sender.</summary>
    public static IServiceCollection AddGoogleCalendarEmulator(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<GoogleEmulatorOptions>().Bind(configuration.GetSection(GoogleEmulatorOptions.SectionName));
        services.TryAddSingleton<GooglePushQueue>();
        services.TryAddSingleton(sp => new GoogleEmulator(
            sp.GetRequiredService<IOptions<GoogleEmulatorOptions>>(), sp.GetService<TimeProvider>(),
            sp.GetRequiredService<GooglePushQueue>()));
        services.AddHttpClient(GooglePushSender.HttpClientName);
        services.AddHostedService<GooglePushSender>();
        return services;
    }

    /// <summary>
    /// Maps Google's paths under <paramref name="prefix"/>: OAuth (<c>/o/oauth2/v2/auth</c>, <c>/token</c>,
    /// <c>/revoke</c>), Calendar v3 (<c>/calendar/v3/...</c>), controls (<c>/_emulator/...</c>, only
    /// when <see cref="EmulatorControl.ConfigurationKey"/> is on) and the demo page (<c>/</c>).
    /// </summary>
    public static IEndpointRouteBuilder MapGoogleCalendarEmulator(this IEndpointRouteBuilder app, string prefix = DefaultPrefix)
    {
        prefix = prefix.TrimEnd('/');
        var emulator = app.ServiceProvider.GetRequiredService<GoogleEmulator>();
        var root = app.MapGroup(prefix).ExcludeFromDescription();

        var oauth = root.MapGroup("");
        oauth.AddEndpointFilter(new GoogleApiFilter(emulator, prefix, requireAuth: false));
        OAuthEndpoints.Map(oauth, prefix);

        var api = root.MapGroup("/calendar/v3");
        api.AddEndpointFilter(new GoogleApiFilter(emulator, prefix, requireAuth: true));
        CalendarApiEndpoints.Map(api, prefix);

        if (EmulatorControl.Enabled(app)) ControlEndpoints.Map(root.MapGroup("/_emulator"));
        DemoPage.Map(root, prefix);
        return app;
    }
}
