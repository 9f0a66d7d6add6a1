using Microsoft.Playwright;
using SyncDashboard.Emulators.Google;
using SyncDashboard.Tests.Infrastructure;
using SyncDashboard.Tests.Integration.Google;

namespace SyncDashboard.Tests.Browser;

/// <summary>The status card while a pull runs: what it is doing, and a Sync now that waits for it (ADR 0020).</summary>
[Collection(BrowserCollection.Name)]
public sealed class SyncProgressBrowserTests(BrowserFixture fixture)
{
    [Theory]
    [InlineData(ColorScheme.Light, 1280)]
    [InlineData(ColorScheme.Dark, 1280)]
    [InlineData(ColorScheme.Light, 390)]
    [InlineData(ColorScheme.Dark, 390)]
    public async Task WhileAPullRunsTheStatusCardSaysSoAndSyncNowWaits(ColorScheme scheme, int width)
    {
        var g = await fixture.App.ConnectGoogleAsync();
        var google = fixture.App.Get<GoogleEmulator>();
        google.InsertEvent(g.CalendarId, GoogleTestKit.TimedEvent("Lunch with Sam", new DateTimeOffset(DateTime.UtcNow.Date.AddDays(1).AddHours(12), TimeSpan.Zero)));
        await Eventually.TrueAsync(async () => (await fixture.App.AppEventsAsync(g.User.Id)).Any(e => e.Title == "Lunch with Sam"), "Google's push brought the event");
        await using var context = await fixture.NewContextAsync(width: width, colorScheme: scheme);
        var page = await context.SignInAsync(g.User);
        var status = page.Locator($"[data-testid=integration-status][data-integration-id='{g.IntegrationId}']");
        await Assertions.Expect(status).ToBeVisibleAsync();

        // Google takes its time with the next listing, so the pull Sync now starts is still running below.
        google.AddFault(new FaultRule(FaultKind.Delay, Count: 1, PathContains: g.CalendarId, Method: "GET", DelayMs: 4000));
        await status.GetByTestId("integration-sync-now").ClickAsync();
        await Assertions.Expect(status.GetByTestId("sync-progress")).ToContainTextAsync("Pulling");
        await Assertions.Expect(page.GetByTestId("sync-now")).ToBeDisabledAsync();
        await Assertions.Expect(status.GetByTestId("integration-sync-now")).ToBeDisabledAsync();
        await Eventually.TrueAsync(async () => await page.IsDarkAsync() == (scheme == ColorScheme.Dark), $"the page is {scheme}");
        await page.ScreenshotAsync($"status-progress-{(width < 600 ? "phone" : "desktop")}-{scheme.ToString().ToLowerInvariant()}");

        await Assertions.Expect(page.GetByTestId("sync-result")).ToContainTextAsync("Imported 0 new");
        await Assertions.Expect(status.GetByTestId("sync-progress")).ToHaveCountAsync(0);
        await Assertions.Expect(page.GetByTestId("sync-now")).ToBeEnabledAsync();
    }
}
