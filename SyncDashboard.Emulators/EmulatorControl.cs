using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace SyncDashboard.Emulators;

/// <summary>
/// The switch for the emulators' <c>{prefix}/_emulator/...</c> control endpoints (faults, tokens, channels, seed,
/// webhooks, rate limits). They hand out secrets and bend the emulated service, so they exist only where tests or
/// benchmarks turn them on; the demo pages' own form posts (<c>_emulator/ui/...</c>) are not controls and stay.
/// </summary>
public static class EmulatorControl
{
    public const string ConfigurationKey = "Emulators:ControlEndpoints";

    internal static bool Enabled(IEndpointRouteBuilder app) =>
        app.ServiceProvider.GetService<IConfiguration>()?.GetValue<bool>(ConfigurationKey) ?? false;
}
