using Microsoft.Playwright;
using SyncDashboard.Core.Domain;
using SyncDashboard.Emulators.Google;
using SyncDashboard.Tests.Infrastructure;
using SyncDashboard.Tests.Integration.Google;

namespace SyncDashboard.Tests.Browser;

/// <summary>A change Google kept refusing, as the activity page shows it, and Retry once Google is back (ADR 0020).</summary>
[Collection(BrowserCollection.Name)]
public sealed class ActivityTests(BrowserFixture fixture)
{
    private AppHost App => fixture.App;

    [Fact]
    public async Task ADeadLetteredChangeIsShownWithItsErrorAndRetrySendsItOnceGoogleIsBack()
    {
        var g = await App.ConnectGoogleAsync();
        var google = App.Get<GoogleEmulator>();
        google.AddFault(new FaultRule(FaultKind.Error503, Count: 10_000, PathContains: g.CalendarId, Method: "POST"));
        var start = new DateTimeOffset(DateTime.UtcNow.Date.AddDays(1).AddHours(9), TimeSpan.Zero);
        await g.User.CreateEventAsync("Booked during an outage", start);
        await Eventually.TrueAsync(async () => (await App.OutboxAsync(g.User.Id)).Any(o => o.State == OutboxState.DeadLettered),
            "Google's refusals used up every attempt", TimeSpan.FromSeconds(60));

        await using var desktop = await fixture.NewContextAsync();
        var page = await desktop.SignInAsync(g.User);
        await page.GetByRole(AriaRole.Link, new() { Name = "Activity" }).ClickAsync();
        await page.WaitForPathAsync("/activity");
        await page.WaitForInteractiveAsync();
        var row = page.Locator(".change-row").Filter(new() { HasText = "Booked during an outage" });
        await Assertions.Expect(row.GetByTestId("change-state")).ToHaveTextAsync("gave up");
        await Assertions.Expect(row.GetByTestId("change-error")).ToContainTextAsync("503");
        await Assertions.Expect(page.GetByTestId("sync-runs")).ToContainTextAsync("Push");
        await page.ScreenshotAsync("activity-desktop-light");
        await ShootAsync(g.User, 390, ColorScheme.Dark, "activity-phone-dark");
        await ShootAsync(g.User, 1280, ColorScheme.Dark, "activity-desktop-dark");
        await ShootAsync(g.User, 390, ColorScheme.Light, "activity-phone-light");

        google.ClearFaults();
        await row.GetByTestId("retry").ClickAsync();
        await Assertions.Expect(page.GetByTestId("changes-empty")).ToBeVisibleAsync();
        await Eventually.TrueAsync(() => google.Events(g.CalendarId).Any(e => e.Summary == "Booked during an outage"), "the retried change reached Google");

        // The same change, now among the sent ones.
        await page.GetByTestId("filter-state").ClickAsync();
        await page.GetByRole(AriaRole.Option, new() { Name = "Sent", Exact = true }).ClickAsync();
        await Assertions.Expect(page.Locator(".change-row").Filter(new() { HasText = "Booked during an outage" }).GetByTestId("change-state"))
            .ToHaveTextAsync("sent");
    }

    private async Task ShootAsync(TestUser user, int width, ColorScheme scheme, string name)
    {
        await using var context = await fixture.NewContextAsync(width: width, colorScheme: scheme);
        await context.SignInAsync(user);
        var page = await context.OpenAsync("/activity");
        await Assertions.Expect(page.Locator(".change-row")).ToHaveCountAsync(1);
        await Eventually.TrueAsync(async () => await page.IsDarkAsync() == (scheme == ColorScheme.Dark), $"the page is {scheme}");
        var widths = await page.EvaluateAsync<int[]>("() => [document.documentElement.scrollWidth, window.innerWidth]");
        Assert.True(widths[0] <= widths[1], $"the activity page is {widths[0]} px wide in a {widths[1]} px window");
        await page.ScreenshotAsync(name);
    }
}
