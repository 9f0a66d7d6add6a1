using Microsoft.Playwright;
using SyncDashboard.Emulators.Google;
using SyncDashboard.Tests.Infrastructure;
using SyncDashboard.Tests.Integration.Google;
using SyncDashboard.Tests.Integration.Notion;

namespace SyncDashboard.Tests.Browser;

/// <summary>A Google calendar emptied by mistake, as the dashboard shows it and as the user answers it (ADR 0015).</summary>
[Collection(BrowserCollection.Name)]
public sealed class HeldDeletionsTests(BrowserFixture fixture)
{
    private AppHost App => fixture.App;

    [Fact]
    public async Task CalendarEmptiedInGoogleIsHeldOnTheDashboardAndApplyDeletionsDeletesThemEverywhereLive()
    {
        var g = await App.ConnectGoogleAsync();
        // Without push the deletions below arrive in the one pull "Sync now" starts, as a burst does in one notification.
        await g.StopPushAsync();
        var start = DateTimeOffset.UtcNow.Date.AddDays(1).AddHours(8);
        var ids = new List<Guid>();
        for (var i = 0; i < 12; i++) ids.Add(await g.User.CreateEventAsync($"Team sync {i + 1:00}", new DateTimeOffset(start.AddHours(i), TimeSpan.Zero), 30));
        var google = App.Get<GoogleEmulator>();
        await Eventually.TrueAsync(async () => google.Events(g.CalendarId).Count == 12 && await App.OutboxDrainedAsync(g.User.Id), "the 12 events are in Google");
        foreach (var id in ids) google.DeleteEvent(g.CalendarId, id.ToString("N"));

        await using var desktop = await fixture.NewContextAsync();
        var page = await desktop.SignInAsync(g.User);
        await page.GetByTestId("sync-now").ClickAsync();
        await Assertions.Expect(page.GetByTestId("sync-result")).ToContainTextAsync("held 12 deletions for you to check");
        var card = page.GetByTestId("held-deletions");
        await Assertions.Expect(card).ToContainTextAsync("Google · Primary: 12 deletions are waiting. They came from Google at ");
        await Assertions.Expect(card.GetByTestId("held-titles")).ToHaveTextAsync("Team sync 01, Team sync 02, Team sync 03, Team sync 04, Team sync 05 and 7 more");
        await Assertions.Expect(page.Locator($"[data-testid=integration-status][data-integration-id='{g.IntegrationId}']")).ToContainTextAsync("held: 12 deletions waiting");
        Assert.Equal(12, (await App.AppEventsAsync(g.User.Id)).Count);
        await page.ScreenshotAsync("held-deletions-desktop-light");

        await using var phone = await fixture.NewContextAsync(width: 390, colorScheme: ColorScheme.Dark);
        var phonePage = await phone.SignInAsync(g.User);
        await Assertions.Expect(phonePage.GetByTestId("held-deletions")).ToBeVisibleAsync();
        await phonePage.ScreenshotAsync("held-deletions-phone-dark");

        await card.GetByTestId("apply-deletions").ClickAsync();
        var dialog = page.Locator(".mud-message-box");
        await Assertions.Expect(dialog).ToContainTextAsync("12 events will be deleted in the app and on your other calendars.");
        await page.ScreenshotAsync("held-deletions-confirm-desktop-light");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Delete 12 events" }).ClickAsync();

        await Assertions.Expect(card).ToHaveCountAsync(0);
        // The other open page follows through the hub.
        await Assertions.Expect(phonePage.GetByTestId("held-deletions")).ToHaveCountAsync(0);
        await Assertions.Expect(page.Locator($"[data-testid=integration-status][data-integration-id='{g.IntegrationId}']")).Not.ToContainTextAsync("held");
        Assert.Empty(await App.AppEventsAsync(g.User.Id));
    }
}
