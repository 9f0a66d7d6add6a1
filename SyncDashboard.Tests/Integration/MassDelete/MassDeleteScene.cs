using System.Net;
using System.Text.Json;
using SyncDashboard.Emulators.Google;
using SyncDashboard.Emulators.Notion;
using SyncDashboard.Tests.Infrastructure;
using SyncDashboard.Tests.Integration.Google;
using SyncDashboard.Tests.Integration.Notion;

namespace SyncDashboard.Tests.Integration.MassDelete;

/// <summary>
/// One private app for the mass-delete tests: Google's push is off, so a pull happens when a test asks for one and sees
/// every deletion made before it (with push on, each deletion in the emulator would start its own pull).
/// </summary>
public sealed class MassDeleteHost : IAsyncLifetime
{
    public AppHost App { get; private set; } = null!;

    public async Task InitializeAsync() => App = await NotionTestKit.StartQuietHostAsync(new Dictionary<string, string?>
    {
        ["Google:UsePushNotifications"] = "false",
        ["Notion:RequestsPerSecond"] = "50",
    });

    public async Task DisposeAsync() => await App.DisposeAsync();
}

/// <summary>A user with a Google calendar and a Notion database that both hold the same <see cref="EventIds"/>, all sent.</summary>
public sealed record MassDeleteScene(AppHost App, GoogleUser Google, NotionAccount Notion, IReadOnlyList<Guid> EventIds)
{
    public HttpClient Api => Google.User.Api;
    private GoogleEmulator GoogleSide => App.Get<GoogleEmulator>();

    public static async Task<MassDeleteScene> SeedAsync(AppHost app, int events)
    {
        var g = await app.ConnectGoogleAsync();
        var n = await app.ConnectNotionAsync(g.User);
        var start = new DateTimeOffset(DateTime.UtcNow.Date.AddDays(2).AddHours(8), TimeSpan.Zero);
        var ids = new List<Guid>();
        for (var i = 0; i < events; i++)
        {
            var created = await g.User.Api.PostJsonAsync("/api/events", new { title = $"Seeded {i:00}", start = start.AddHours(i), end = start.AddHours(i).AddMinutes(30) });
            Assert.Equal(HttpStatusCode.Created, created.StatusCode);
            ids.Add((await created.ReadJsonAsync()).GetProperty("id").GetGuid());
        }
        var scene = new MassDeleteScene(app, g, n, ids);
        await Eventually.TrueAsync(async () => scene.GoogleLive().Count == events && app.LivePages(n).Count == events && await app.OutboxDrainedAsync(g.User.Id),
            $"the {events} events are in Google and Notion", TimeSpan.FromSeconds(60));
        return scene;
    }

    public IReadOnlyList<string> GoogleLive() => GoogleSide.Events(Google.CalendarId).Where(e => e.Status != "cancelled").Select(e => e.Id!).ToList();

    public void DeleteInGoogle(IEnumerable<Guid> ids)
    {
        foreach (var id in ids) GoogleSide.DeleteEvent(Google.CalendarId, id.ToString("N"));
    }

    public void TrashInNotion(IEnumerable<Guid> ids)
    {
        foreach (var id in ids) App.Get<NotionEmulator>().TrashPageAsUser(App.PageFor(Notion, id)!.Id);
    }

    /// <summary>POST /api/calendar/sync for one integration: its pull, then its outbox.</summary>
    public async Task SyncAsync(Guid integrationId)
    {
        var response = await Api.PostJsonAsync("/api/calendar/sync", new { integrationId });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    public async Task<int> LiveInAppAsync() => (await App.AppEventsAsync(Google.User.Id)).Count;

    /// <summary>What /api/integrations says is held for the integration.</summary>
    public async Task<int> HeldAsync(Guid integrationId)
    {
        var list = await (await Api.GetAsync("/api/integrations")).ReadJsonAsync();
        return list.EnumerateArray().Single(i => i.GetProperty("id").GetGuid() == integrationId).GetProperty("heldDeletions").GetInt32();
    }

    public async Task<List<JsonElement>> HeldGroupsAsync()
    {
        var response = await Api.GetAsync("/api/calendar/held-deletions");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.ReadJsonAsync()).EnumerateArray().ToList();
    }

    public async Task SettleAsync(Guid integrationId, string action)
    {
        var response = await Api.PostAsync($"/api/calendar/held-deletions/{integrationId}/{action}", null);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}
