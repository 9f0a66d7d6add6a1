using Microsoft.Playwright;
using SyncDashboard.Tests.Infrastructure;

namespace SyncDashboard.Tests.Browser;

/// <summary>
/// Every calendar view and the editor, light and dark, desktop and phone, over a calendar with something of
/// everything (<see cref="CalendarScene"/>), saved as screenshots to look at; each also checks what it shows.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class CalendarScreenshotTests(BrowserFixture fixture)
{
    private static readonly string[] Views = ["week", "month", "day", "agenda"];

    [Theory]
    [InlineData(ColorScheme.Light, 1280)]
    [InlineData(ColorScheme.Dark, 1280)]
    [InlineData(ColorScheme.Light, 390)]
    [InlineData(ColorScheme.Dark, 390)]
    public async Task EveryViewShowsSourcesOverlapsBandsTodayAndMarks(ColorScheme scheme, int width)
    {
        var user = await fixture.App.CreateUserAsync("Scene");
        var (work, _, failed) = await CalendarScene.SeedAsync(fixture.App, user);
        await using var context = await fixture.NewContextAsync(width: width, colorScheme: scheme);
        await context.SignInAsync(user);
        var today = DateTime.UtcNow.Date;
        var suffix = $"{(width < 600 ? "phone" : "desktop")}-{scheme.ToString().ToLowerInvariant()}";

        foreach (var view in Views)
        {
            var page = await context.OpenAsync($"/calendar?view={view}&date={today:yyyy-MM-dd}");
            await Assertions.Expect(page.GetByTestId($"{view}-view")).ToBeVisibleAsync();
            await Eventually.TrueAsync(async () => await page.IsDarkAsync() == (scheme == ColorScheme.Dark), $"the page is {scheme}");
            await Assertions.Expect(page.GetByTestId("legend-item")).ToHaveTextAsync(["This app SyncDashboard", "Work Google Calendar", "Projects Notion"]);
            var widths = await page.EvaluateAsync<int[]>("() => [document.documentElement.scrollWidth, window.innerWidth]");
            Assert.True(widths[0] <= widths[1], $"{view} is {widths[0]} px wide in a {widths[1]} px window");
            await page.ScreenshotAsync($"calendar-{view}-{suffix}");
            await page.CloseAsync();
        }

        var week = await context.OpenAsync($"/calendar?view=week&date={today:yyyy-MM-dd}");
        // Today is marked and has the now-line; the three overlapping morning events sit side by side.
        await Assertions.Expect(week.Locator($"[data-testid=day-head].cal-today[data-date='{today:yyyy-MM-dd}']")).ToHaveCountAsync(1);
        await Assertions.Expect(week.Locator($"[data-testid=day-column][data-date='{today:yyyy-MM-dd}'] [data-testid=now-line]")).ToHaveCountAsync(1);
        await Assertions.Expect(week.CalendarEvent("Interview")).ToHaveAttributeAsync("data-columns", "3");
        await Assertions.Expect(week.CalendarEvent("Design review")).ToHaveAttributeAsync("data-source", work.ToString());
        await Assertions.Expect(week.CalendarEvent("Interview")).ToHaveAttributeAsync("data-sync", "pending");
        await Assertions.Expect(week.GetByTestId("all-day-band").GetByTestId("calendar-event")).ToHaveCountAsync(2); // Offsite, Conference

        // The editor of an event that failed to sync says why.
        var dialog = CalendarTests.EditorDialog(week);
        await week.GotoAsync($"/calendar?view=week&date={today:yyyy-MM-dd}&event={failed}");
        await Assertions.Expect(dialog.GetByTestId("sync-state")).ToContainTextAsync("Google answered 403: the calendar is read-only.");
        await week.ScreenshotAsync($"event-dialog-{suffix}");
    }

    [Theory]
    [InlineData(ColorScheme.Light, 1280)]
    [InlineData(ColorScheme.Dark, 390)]
    public async Task TheEditorLinksToTheEventOnTheOtherSideAndSaysHowASeriesRepeats(ColorScheme scheme, int width)
    {
        var user = await fixture.App.CreateUserAsync("Links");
        await CalendarScene.SeedAsync(fixture.App, user);
        await using var context = await fixture.NewContextAsync(width: width, colorScheme: scheme);
        await context.SignInAsync(user);
        var today = DateTime.UtcNow.Date;
        var suffix = $"{(width < 600 ? "phone" : "desktop")}-{scheme.ToString().ToLowerInvariant()}";
        var page = await context.OpenAsync($"/calendar?view=agenda&date={today:yyyy-MM-dd}");
        var dialog = CalendarTests.EditorDialog(page);

        await page.CalendarEvent("Design review").First.ClickAsync();
        var open = dialog.GetByTestId("sync-open");
        await Assertions.Expect(open).ToHaveTextAsync("Open in Google Calendar");
        await Assertions.Expect(open).ToHaveAttributeAsync("target", "_blank");
        await Assertions.Expect(open).ToHaveAttributeAsync("href", new System.Text.RegularExpressions.Regex("^https://www\\.google\\.com/calendar/event\\?eid="));
        await page.ScreenshotAsync($"event-dialog-link-{suffix}");

        var series = await page.CalendarEvent("Stand-up").First.GetAttributeAsync("data-event-id");
        await page.GotoAsync($"/calendar?view=agenda&date={today:yyyy-MM-dd}&event={series}");
        await Assertions.Expect(dialog.GetByTestId("repeat-words")).ToHaveTextAsync("Repeats: every weekday, 60 times.");
        await page.ScreenshotAsync($"event-dialog-series-{suffix}");
    }

    [Fact]
    public async Task TheNewEventDialogOnAPhoneFitsTheScreen()
    {
        var user = await fixture.App.CreateUserAsync("PhoneEditor");
        await using var context = await fixture.NewContextAsync(width: 390);
        await context.SignInAsync(user);
        var page = await context.OpenAsync("/calendar");

        var dialog = await CalendarTests.OpenNewEventDialogAsync(page);
        var box = await dialog.BoundingBoxAsync();
        Assert.True(box is { X: >= 0 } && box.X + box.Width <= 390, $"the dialog spans {box?.X} to {box?.X + box?.Width} px");
        await page.ScreenshotAsync("event-dialog-new-phone-light");
    }
}
