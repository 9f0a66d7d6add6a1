using System.Net;
using SyncDashboard.Emulators;
using SyncDashboard.Emulators.Google;
using SyncDashboard.Tests.Infrastructure;

namespace SyncDashboard.Tests.Integration.Security;

/// <summary>The emulators run inside the app's server: they may call back the app itself and nothing else.</summary>
public sealed class EmulatorWebhookTargetTests : IAsyncLifetime
{
    private const string Outside = "http://169.254.169.254/latest/meta-data";
    private AppHost _app = default!;

    // Notion subscriptions are created through the control endpoints, so this host switches them on.
    public async Task InitializeAsync() =>
        _app = await AppHost.StartAsync(new Dictionary<string, string?> { [EmulatorControl.ConfigurationKey] = "true" });

    public async Task DisposeAsync() => await _app.DisposeAsync();

    private string AppOrigin => _app.BaseAddress.GetLeftPart(UriPartial.Authority);

    [Fact]
    public async Task NotionWebhookSubscriptionToAnotherAddressIsRefusedWithABadRequest()
    {
        using var client = _app.CreateClient();

        using var refused = await client.PostJsonAsync("/emulator/notion/_emulator/webhooks", new { url = Outside });
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var message = (await refused.ReadJsonAsync()).GetProperty("error").GetString()!;
        Assert.Contains(AppOrigin, message);
        Assert.Contains(Outside, message);

        // Another port on the same host is another service.
        using var otherPort = await client.PostJsonAsync("/emulator/notion/_emulator/webhooks",
            new { url = $"http://127.0.0.1:{(_app.BaseAddress.Port == 1 ? 2 : 1)}/hook" });
        Assert.Equal(HttpStatusCode.BadRequest, otherPort.StatusCode);

        using var own = await client.PostJsonAsync("/emulator/notion/_emulator/webhooks",
            new { url = AppOrigin + $"/api/calendar/webhooks/notion/{Core.Notion.NotionWebhookKey.New()}" });
        Assert.Equal(HttpStatusCode.OK, own.StatusCode);

        var subscriptions = await (await client.GetAsync("/emulator/notion/_emulator/webhooks")).ReadJsonAsync();
        Assert.All(subscriptions.EnumerateArray(), s => Assert.StartsWith(AppOrigin + "/", s.GetProperty("url").GetString()));
    }

    [Fact]
    public async Task GoogleWatchChannelToAnotherAddressIsRefusedWithABadRequest()
    {
        var emulator = _app.Get<GoogleEmulator>();
        var email = $"g{Guid.NewGuid():N}@example.com";
        emulator.CreateAccount(email, "UTC");
        var tokens = emulator.IssueTokens(email, ["https://www.googleapis.com/auth/calendar"]);
        using var google = _app.CreateClient(tokens.AccessToken);
        var watch = $"/emulator/google/calendar/v3/calendars/{Uri.EscapeDataString(email)}/events/watch";

        using var refused = await google.PostJsonAsync(watch, new { id = "chan-" + Guid.NewGuid().ToString("N"), type = "web_hook", address = Outside });
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var error = (await refused.ReadJsonAsync()).GetProperty("error");
        Assert.Contains(AppOrigin, error.GetProperty("message").GetString());
        Assert.Equal("push.webhookUrlUnauthorized", error.GetProperty("errors")[0].GetProperty("reason").GetString());
        Assert.DoesNotContain(emulator.ActiveChannels(), c => c.ResourceUri.Contains(Uri.EscapeDataString(email)));

        using var own = await google.PostJsonAsync(watch, new { id = "chan-" + Guid.NewGuid().ToString("N"), type = "web_hook", address = AppOrigin + "/api/calendar/webhooks/google" });
        Assert.Equal(HttpStatusCode.OK, own.StatusCode);
    }
}
