using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace SyncDashboard.Emulators.Notion;

public static class NotionEmulatorExtensions
{
    /// <summary>Registers the <see cref="NotionEmulator"/> singleton and its options (section Emulators:Notion).</summary>
    public static IServiceCollection AddNotionEmulator(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<NotionEmulatorOptions>().Bind(configuration.GetSection(NotionEmulatorOptions.SectionName));
        services.AddHttpClient(NotionWebhookDispatcher.HttpClientName);
        services.AddSingleton<NotionEmulator>();
        return services;
    }

    /// <summary>
    /// Maps the emulator under <paramref name="prefix"/>: the API and OAuth at {prefix}/v1/..., controls at
    /// {prefix}/_emulator/... (only when <see cref="EmulatorControl.ConfigurationKey"/> is on), and the "Notion side" demo page at {prefix}/.
    /// </summary>
    public static IEndpointRouteBuilder MapNotionEmulator(this IEndpointRouteBuilder app, string prefix = "/emulator/notion")
    {
        prefix = "/" + prefix.Trim('/');
        var root = app.MapGroup(prefix).ExcludeFromDescription(); // an outside service, not part of the app's API document
        root.AllowAnonymous(); // stands for an outside service: never behind the app's own authorization policies
        var v1 = root.MapGroup("/v1");
        NotionApiEndpoints.Map(v1, prefix);
        NotionOAuthEndpoints.Map(v1, root, prefix);
        if (EmulatorControl.Enabled(app)) NotionControlEndpoints.Map(root);
        NotionDemoPage.Map(root, prefix);
        return app;
    }
}
