using System.Diagnostics;
using Microsoft.Playwright;
using SyncDashboard.Tests.Infrastructure;
using Xunit.Abstractions;

namespace SyncDashboard.Tests.Browser;

[Collection(BrowserCollection.Name)]
public sealed class RealtimeTests(BrowserFixture fixture, ITestOutputHelper output)
{
    private static readonly TimeSpan Budget = TimeSpan.FromSeconds(1);

    [Fact]
    public async Task EventCreatedThroughTheApiAppearsOnTwoOpenDashboardsWithinASecond()
    {
        var user = await fixture.App.CreateUserAsync("TwoTabs");
        await using var context = await fixture.NewContextAsync();
        var first = await context.SignInAsync(user);
        var second = await context.OpenAsync("/");
        await Ui.MarkNoReloadAsync(first, second);

        var clock = Stopwatch.StartNew();
        var id = await user.CreateEventAsync("Pushed to both tabs", DateTimeOffset.UtcNow.AddHours(3));
        var posted = clock.Elapsed;
        var seen = await Task.WhenAll(
            WaitSeenAsync(first.UpcomingItem(id), clock),
            WaitSeenAsync(second.UpcomingItem(id), clock));

        output.WriteLine($"POST took {posted.TotalMilliseconds:F0} ms; seen on tab 1 after {seen[0].TotalMilliseconds:F0} ms, tab 2 after {seen[1].TotalMilliseconds:F0} ms (from the start of the POST)");
        Assert.All(seen, t => Assert.True(t < Budget, $"shown after {t.TotalMilliseconds:F0} ms"));
        await Assertions.Expect(second.UpcomingItem(id)).ToContainTextAsync("Pushed to both tabs");
        await Ui.AssertNotReloadedAsync(first, second);
    }

    [Fact]
    public async Task EventCreatedInTheCalendarOfOneTabAppearsOnTheDashboardOfAnother()
    {
        var user = await fixture.App.CreateUserAsync("CalendarToDashboard");
        await using var context = await fixture.NewContextAsync();
        var dashboard = await context.SignInAsync(user);
        var calendar = await context.OpenAsync("/calendar");
        await Ui.MarkNoReloadAsync(dashboard);
        var start = DateTime.UtcNow.Date.AddDays(1).AddHours(15);

        var dialog = await CalendarTests.OpenNewEventDialogAsync(calendar);
        await dialog.Locator("input[name=title]").FillAsync("Made in the calendar tab");
        await dialog.Locator("input[name=start]").FillAsync(Ui.LocalInput(start));
        await dialog.Locator("input[name=end]").FillAsync(Ui.LocalInput(start.AddHours(1)));
        await dialog.GetByTestId("save-event").ClickAsync();
        await Assertions.Expect(dialog).ToHaveCountAsync(0);

        var item = dashboard.Locator("[data-testid=upcoming-item]").Filter(new() { HasText = "Made in the calendar tab" });
        await Assertions.Expect(item).ToBeVisibleAsync(new() { Timeout = 2_000 });
        await Assertions.Expect(dashboard.GetByTestId("next-event-title")).ToHaveTextAsync("Made in the calendar tab");
        await Ui.AssertNotReloadedAsync(dashboard);
    }

    private static async Task<TimeSpan> WaitSeenAsync(ILocator item, Stopwatch clock)
    {
        await item.WaitForAsync(new() { Timeout = 5_000 });
        return clock.Elapsed;
    }
}
