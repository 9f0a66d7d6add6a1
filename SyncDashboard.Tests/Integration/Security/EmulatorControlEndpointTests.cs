using System.Net;
using Microsoft.AspNetCore.Routing;
using SyncDashboard.Emulators;
using SyncDashboard.Tests.Infrastructure;

namespace SyncDashboard.Tests.Integration.Security;

/// <summary>
/// The emulators' control endpoints hand out tokens, channel secrets and the demo's Notion token, and bend the
/// emulated services; the default app must not have them, only hosts that switch them on.
/// </summary>
[Collection(AppCollection.Name)]
public sealed class EmulatorControlEndpointTests(AppFixture fixture)
{
    /// <summary>Every control route of both emulators (see ControlEndpoints.cs and NotionControlEndpoints.cs).</summary>
    public static readonly (string Method, string Path)[] ControlRoutes =
    [
        ("GET", "/emulator/google/_emulator/channels"),
        ("POST", "/emulator/google/_emulator/tokens"),
        ("POST", "/emulator/google/_emulator/accounts"),
        ("POST", "/emulator/google/_emulator/faults"),
        ("DELETE", "/emulator/google/_emulator/faults"),
        ("GET", "/emulator/google/_emulator/stats"),
        ("POST", "/emulator/google/_emulator/stats/reset"),
        ("POST", "/emulator/google/_emulator/calendars/demo%40example.com/expire-sync-tokens"),
        ("POST", "/emulator/notion/_emulator/seed"),
        ("GET", "/emulator/notion/_emulator/webhooks"),
        ("POST", "/emulator/notion/_emulator/webhooks"),
        ("POST", "/emulator/notion/_emulator/webhooks/abc/verify"),
        ("DELETE", "/emulator/notion/_emulator/webhooks/abc"),
        ("POST", "/emulator/notion/_emulator/faults"),
        ("DELETE", "/emulator/notion/_emulator/faults"),
        ("GET", "/emulator/notion/_emulator/stats"),
        ("DELETE", "/emulator/notion/_emulator/stats"),
        ("POST", "/emulator/notion/_emulator/ratelimit"),
    ];

    [Fact]
    public async Task EveryControlRouteIsNotFoundInTheDefaultConfiguration()
    {
        using var anonymous = fixture.App.CreateClient();
        foreach (var (method, path) in ControlRoutes)
        {
            using var request = new HttpRequestMessage(new HttpMethod(method), path);
            if (method == "POST") request.Content = new StringContent("{}", System.Text.Encoding.UTF8, "application/json");
            using var response = await anonymous.SendAsync(request);
            Assert.True(response.StatusCode == HttpStatusCode.NotFound, $"{method} {path} answered {(int)response.StatusCode}");
        }
    }

    [Fact]
    public void TheDefaultAppMapsNoEmulatorRouteBesidesTheDemoPagesForms()
    {
        // Catches control routes added later that the list above does not name.
        var patterns = fixture.App.Get<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Select(e => e.RoutePattern.RawText ?? "").Where(p => p.Contains("/_emulator/")).ToList();
        Assert.NotEmpty(patterns); // the "Google side" and "Notion side" pages' own form posts stay
        Assert.All(patterns, p => Assert.Contains("/_emulator/ui/", p));
    }

    [Fact]
    public async Task ControlRoutesWorkWhenTheHostSwitchesThemOn()
    {
        await using var app = await AppHost.StartAsync(new Dictionary<string, string?> { [EmulatorControl.ConfigurationKey] = "true" });
        using var client = app.CreateClient();

        using var channels = await client.GetAsync("/emulator/google/_emulator/channels");
        Assert.Equal(HttpStatusCode.OK, channels.StatusCode);
        Assert.Equal(System.Text.Json.JsonValueKind.Array, (await channels.ReadJsonAsync()).ValueKind);

        using var tokens = await client.PostJsonAsync("/emulator/google/_emulator/tokens",
            new { email = "demo@example.com", scopes = new[] { "https://www.googleapis.com/auth/calendar" } });
        Assert.Equal(HttpStatusCode.OK, tokens.StatusCode);

        using var seed = await client.PostAsync("/emulator/notion/_emulator/seed", null);
        Assert.Equal(HttpStatusCode.OK, seed.StatusCode);

        using var stats = await client.GetAsync("/emulator/notion/_emulator/stats");
        Assert.Equal(HttpStatusCode.OK, stats.StatusCode);
    }
}
