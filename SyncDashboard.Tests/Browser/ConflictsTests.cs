using System.Net;
using System.Text.Json.Nodes;
using Microsoft.Playwright;
using SyncDashboard.Core.Sync.Conflicts;
using SyncDashboard.Emulators.Google;
using SyncDashboard.Tests.Infrastructure;
using SyncDashboard.Tests.Integration.Google;
using SyncDashboard.Tests.Integration.Notion;

namespace SyncDashboard.Tests.Browser;

/// <summary>An event changed in the app and in Google between syncs, settled field by field on the Conflicts page.</summary>
[Collection(BrowserCollection.Name)]
public sealed class ConflictsTests(BrowserFixture fixture)
{
    private AppHost App => fixture.App;

    [Fact]
    public async Task EditedInTheAppAndInGoogleBetweenSyncsSettledPerFieldInTheBrowserBothSidesAgree()
    {
        var g = await App.ConnectGoogleAsync();
        // Without push, Google's edit below waits for a pull instead of reaching the app before the app's own edit.
        await g.StopPushAsync();
        var google = App.Get<GoogleEmulator>();
        var start = new DateTimeOffset(DateTime.UtcNow.Date.AddDays(1).AddHours(10), TimeSpan.Zero);
        var id = await g.User.CreateEventAsync("Dentist", start, 60, location: "Main St 4");
        var googleId = id.ToString("N");
        await Eventually.TrueAsync(async () => google.Events(g.CalendarId).Any(e => e.Id == googleId) && await App.OutboxDrainedAsync(g.User.Id), "the event is in Google");

        await using var desktop = await fixture.NewContextAsync();
        var page = await desktop.SignInAsync(g.User);
        await Assertions.Expect(page.GetByTestId("nav-conflicts")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByTestId("conflicts-count")).ToHaveCountAsync(0);

        google.PatchEvent(g.CalendarId, googleId, new JsonObject { ["summary"] = "Dentist (moved)", ["location"] = "Oak Rd 9" });
        var ev = (await App.AppEventsAsync(g.User.Id)).Single(e => e.Id == id);
        var put = await g.User.Api.PutJsonAsync($"/api/events?id={id}", NotionTestKit.PutBody(ev, title: "Dentist (app)", location: "Main St 5"));
        Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        // The app's push meets Google's newer version (412), reads it, merges and records the conflict; the later app edit is kept.
        await Eventually.TrueAsync(async () => await App.Get<ConflictService>().CountOpenAsync(g.User.Id) == 1 && await App.OutboxDrainedAsync(g.User.Id),
            "the conflict is recorded");

        // The open dashboard learns of it live.
        await Assertions.Expect(page.GetByTestId("conflicts-count")).ToHaveTextAsync("1");
        await Assertions.Expect(page.GetByTestId("conflicts-summary")).ToHaveTextAsync("1 event was changed in the app and on another calendar at once.");
        await page.ScreenshotAsync("conflicts-dashboard-desktop-light");
        await page.GetByTestId("nav-conflicts").ClickAsync();
        await page.WaitForPathAsync("/conflicts");
        await page.WaitForInteractiveAsync();

        var conflict = page.GetByTestId("conflict");
        await Assertions.Expect(conflict.GetByTestId("conflict-title")).ToHaveTextAsync("Dentist (app)");
        var title = conflict.Locator("[data-testid=conflict-field][data-field=Title]");
        var location = conflict.Locator("[data-testid=conflict-field][data-field=Location]");
        await Assertions.Expect(title.GetByTestId("local-value")).ToContainTextAsync("Dentist (app)");
        await Assertions.Expect(title.GetByTestId("remote-value")).ToContainTextAsync("Dentist (moved)");
        await Assertions.Expect(title.GetByTestId("base-value")).ToHaveTextAsync("Dentist");
        await Assertions.Expect(location.GetByTestId("base-value")).ToHaveTextAsync("Main St 4");
        await Assertions.Expect(title.Locator("[data-testid=local-value] [data-testid=kept-mark]")).ToBeVisibleAsync();
        await page.ScreenshotAsync("conflicts-desktop-light");
        await ScreenshotElsewhereAsync(g.User);

        await title.GetByTestId("pick-remote").CheckAsync();
        await Assertions.Expect(title.GetByTestId("picked")).ToHaveAttributeAsync("data-picked", "remote");
        await Assertions.Expect(location.GetByTestId("picked")).ToHaveAttributeAsync("data-picked", "local");
        await conflict.GetByTestId("apply-picks").ClickAsync();

        await Assertions.Expect(page.GetByTestId("conflicts-empty")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByTestId("conflicts-count")).ToHaveCountAsync(0);
        await page.ScreenshotAsync("conflicts-settled-desktop-light");

        // Sent to Google, then a pull finds nothing new: both sides hold the picked values.
        await Eventually.TrueAsync(async () => await App.OutboxDrainedAsync(g.User.Id), "the choice is sent");
        Assert.Equal(HttpStatusCode.OK, (await g.User.Api.PostJsonAsync("/api/calendar/sync", new { integrationId = g.IntegrationId })).StatusCode);
        var inApp = (await App.AppEventsAsync(g.User.Id)).Single(e => e.Id == id);
        var inGoogle = google.GetEvent(g.CalendarId, googleId);
        Assert.Equal(("Dentist (moved)", "Main St 5"), (inApp.Title, inApp.Location));
        Assert.Equal((inApp.Title, inApp.Location), (inGoogle.Summary, inGoogle.Location));
        Assert.Equal(0, await App.Get<ConflictService>().CountOpenAsync(g.User.Id));
    }

    /// <summary>The same open conflict, on the dashboard and its page, dark on a desktop and light and dark on a phone.</summary>
    private async Task ScreenshotElsewhereAsync(TestUser user)
    {
        foreach (var (scheme, width) in new[] { (ColorScheme.Dark, 1280), (ColorScheme.Light, 390), (ColorScheme.Dark, 390) })
        {
            await using var context = await fixture.NewContextAsync(width: width, colorScheme: scheme);
            var suffix = $"{(width < 600 ? "phone" : "desktop")}-{scheme.ToString().ToLowerInvariant()}";
            var dashboard = await context.SignInAsync(user);
            await Assertions.Expect(dashboard.GetByTestId("conflicts")).ToBeVisibleAsync();
            await dashboard.ScreenshotAsync($"conflicts-dashboard-{suffix}");
            var page = await context.OpenAsync("/conflicts");
            await Assertions.Expect(page.GetByTestId("conflict")).ToBeVisibleAsync();
            await Eventually.TrueAsync(async () => await page.IsDarkAsync() == (scheme == ColorScheme.Dark), $"the page is {scheme}");
            var widths = await page.EvaluateAsync<int[]>("() => [document.documentElement.scrollWidth, window.innerWidth]");
            Assert.True(widths[0] <= widths[1], $"the page is {widths[0]} px wide in a {widths[1]} px window: {await page.WiderThanTheWindowAsync()}");
            await page.ScreenshotAsync($"conflicts-{suffix}");
        }
    }
}
