using System.Net;
using System.Text.Json;
using SyncDashboard.Emulators.Google;
using SyncDashboard.Emulators.Notion;
using SyncDashboard.Tests.Infrastructure;
using SyncDashboard.Tests.Integration.Google;
using SyncDashboard.Tests.Integration.Notion;

namespace SyncDashboard.Tests.Integration;

/// <summary>
/// The provider's own link to an event (Google's htmlLink, the Notion page's url) is kept with the event's link to that
/// integration and returned by GET /api/events/{id}; in the app the emulators point it at their side pages, where it works.
/// </summary>
[Collection(AppCollection.Name)]
public sealed class EventWebLinkTests(AppFixture fixture)
{
    private static readonly TimeSpan Outbox = TimeSpan.FromSeconds(30);
    private readonly AppHost _app = fixture.App;
    private static DateTimeOffset Tomorrow(int hour) => new(DateTime.UtcNow.Date.AddDays(1).AddHours(hour), TimeSpan.Zero);

    [Fact]
    public async Task GoogleHtmlLinkOfAnEventMadeInTheAppIsReturnedAndOpensItOnTheGoogleSide()
    {
        var g = await _app.ConnectGoogleAsync();
        var created = await (await g.User.Api.PostJsonAsync("/api/events", new { title = "Linked", start = Tomorrow(11), end = Tomorrow(12) })).ReadJsonAsync();
        var id = created.GetProperty("id").GetGuid();
        var googleId = id.ToString("N");

        var link = await WebLinkAsync(g.User, id, g.IntegrationId);
        Assert.Equal(_app.Get<GoogleEmulator>().GetEvent(g.CalendarId, googleId).HtmlLink, link);
        Assert.StartsWith(new Uri(_app.BaseAddress, "/emulator/google/calendar/event?eid=").AbsoluteUri, link);

        using var browser = await _app.SignInAsync(g.User);
        using var opened = await browser.GetAsync(link);
        Assert.Equal(HttpStatusCode.Redirect, opened.StatusCode);
        Assert.Equal($"/emulator/google/?account={Uri.EscapeDataString(g.Email)}#event-{googleId}", opened.Headers.Location?.OriginalString);
        var page = await browser.GetStringAsync(opened.Headers.Location);
        Assert.Contains($"id=\"event-{googleId}\"", page);
    }

    [Fact]
    public async Task GoogleHtmlLinkOfAnImportedEventIsStoredAndAnotherUsersLinkDoesNotResolve()
    {
        var g = await _app.ConnectGoogleAsync();
        var inGoogle = _app.Get<GoogleEmulator>().InsertEvent(g.CalendarId, GoogleTestKit.TimedEvent("Made in Google", Tomorrow(9)));
        await Eventually.TrueAsync(async () => (await _app.AppEventsAsync(g.User.Id)).Any(e => e.Title == "Made in Google"), "the event is imported");
        var ev = (await _app.AppEventsAsync(g.User.Id)).Single(e => e.Title == "Made in Google");

        Assert.Equal(inGoogle.HtmlLink, await WebLinkAsync(g.User, ev.Id, g.IntegrationId));

        var stranger = await _app.CreateUserAsync();
        using var browser = await _app.SignInAsync(stranger);
        using var opened = await browser.GetAsync(inGoogle.HtmlLink);
        Assert.Equal(HttpStatusCode.NotFound, opened.StatusCode);
    }

    [Fact]
    public async Task NotionPageUrlIsReturnedAndOpensThePageOnTheNotionSideOfItsOwnerOnly()
    {
        var n = await _app.ConnectNotionAsync();
        var created = await (await n.User.Api.PostJsonAsync("/api/events", new { title = "Linked page", start = Tomorrow(14), end = Tomorrow(15) })).ReadJsonAsync();
        var id = created.GetProperty("id").GetGuid();

        var link = await WebLinkAsync(n.User, id, n.IntegrationId);
        var page = _app.PageFor(n, id)!;
        Assert.Equal(_app.Get<NotionEmulator>().GetPageJson(page.Id)["url"]!.GetValue<string>(), link);
        Assert.StartsWith(new Uri(_app.BaseAddress, "/emulator/notion/p/Linked-page-").AbsoluteUri, link);

        using var browser = await _app.SignInAsync(n.User);
        using var opened = await browser.GetAsync(link);
        Assert.Equal(HttpStatusCode.Redirect, opened.StatusCode);
        var anchor = "notion-" + page.Id.Replace("-", "");
        Assert.Equal($"/emulator/notion/#{anchor}", opened.Headers.Location?.OriginalString);
        Assert.Contains($"id=\"{anchor}\"", await browser.GetStringAsync(opened.Headers.Location));

        // Someone else holding the link finds nothing there.
        using var stranger = await _app.SignInAsync(await _app.CreateUserAsync());
        using var theirs = await stranger.GetAsync(link);
        Assert.Equal(HttpStatusCode.NotFound, theirs.StatusCode);
    }

    /// <summary>Waits until GET /api/events/{id} carries a link for the integration, and returns it.</summary>
    private static async Task<string> WebLinkAsync(TestUser user, Guid eventId, Guid integrationId)
    {
        string? link = null;
        await Eventually.TrueAsync(async () =>
        {
            var ev = await (await user.Api.GetAsync($"/api/events/{eventId}")).ReadJsonAsync();
            link = ev.GetProperty("externalSync").EnumerateArray()
                .Where(s => s.GetProperty("integrationId").GetGuid() == integrationId)
                .Select(s => s.GetProperty("webLink"))
                .Where(l => l.ValueKind == JsonValueKind.String)
                .Select(l => l.GetString())
                .FirstOrDefault();
            return link is not null;
        }, "the event's link on the other side is returned", Outbox);
        return link!;
    }
}
