using Microsoft.Playwright;
using SyncDashboard.Tests.Infrastructure;

namespace SyncDashboard.Tests.Browser;

[Collection(BrowserCollection.Name)]
public sealed class GoogleConnectTests(BrowserFixture fixture)
{
    [Fact]
    public async Task ConnectingGoogleThroughConsentAndPickerShowsTheCalendarAndSyncNowReports()
    {
        var user = await fixture.App.CreateUserAsync("Connector");
        await using var context = await fixture.NewContextAsync();
        await context.SignInAsync(user);
        var settings = await context.OpenAsync("/settings");

        await settings.GetByTestId("connect-google").ClickAsync();
        await settings.WaitForAddressAsync(@"/emulator/google/o/oauth2/v2/auth\?");
        await settings.ScreenshotAsync("google-consent");
        await settings.Locator("#allow").ClickAsync();

        await settings.WaitForAddressAsync(@"/settings/google\?credential=");
        await settings.WaitForInteractiveAsync();
        var rows = settings.GetByTestId("calendar-row");
        await Assertions.Expect(rows).Not.ToHaveCountAsync(0);
        await settings.ScreenshotAsync("google-calendar-picker");
        await settings.GetByTestId("save-calendars").ClickAsync();

        await settings.WaitForPathAsync("/settings#google");
        await settings.WaitForInteractiveAsync();
        var integration = settings.GetByTestId("google-integration");
        await Assertions.Expect(integration).ToHaveCountAsync(1);
        await Assertions.Expect(integration).ToContainTextAsync("synced");
        await settings.ScreenshotAsync("settings-google-connected");

        var dashboard = await context.OpenAsync("/");
        await Assertions.Expect(dashboard.GetByTestId("integration-status")).ToHaveCountAsync(1);
        await dashboard.GetByTestId("sync-now").ClickAsync();
        await Assertions.Expect(dashboard.GetByTestId("sync-result")).ToContainTextAsync("Imported");
        await dashboard.ScreenshotAsync("dashboard-after-sync-now");
    }

    [Fact]
    public async Task ConnectingAgainListsTheSyncedCalendarAsAlreadySyncedNotAsNew()
    {
        var user = await fixture.App.CreateUserAsync("Reconnector");
        await using var context = await fixture.NewContextAsync();
        await context.SignInAsync(user);
        var settings = await context.OpenAsync("/settings");
        await ConsentAsync(settings);
        await settings.GetByTestId("save-calendars").ClickAsync();
        await settings.WaitForPathAsync("/settings#google");
        await settings.WaitForInteractiveAsync();
        await Assertions.Expect(settings.GetByTestId("google-integration")).ToHaveCountAsync(1);

        await ConsentAsync(settings);

        var synced = settings.Locator("[data-testid=calendar-row][data-already-synced=true]");
        await Assertions.Expect(synced).ToHaveCountAsync(1);
        await Assertions.Expect(synced.GetByTestId("already-synced")).ToHaveTextAsync("already synced");
        await Assertions.Expect(synced.GetByTestId("calendar-select")).ToBeCheckedAsync();
        await Assertions.Expect(synced.GetByTestId("calendar-select")).ToBeDisabledAsync();
        await Assertions.Expect(settings.GetByTestId("back-to-settings")).ToBeVisibleAsync();
        await settings.ScreenshotAsync("google-calendar-picker-reconnect");
    }

    private static async Task ConsentAsync(IPage settings)
    {
        await settings.GetByTestId("connect-google").ClickAsync();
        await settings.WaitForAddressAsync(@"/emulator/google/o/oauth2/v2/auth\?");
        await settings.Locator("#allow").ClickAsync();
        await settings.WaitForAddressAsync(@"/settings/google\?credential=");
        await settings.WaitForInteractiveAsync();
    }
}
