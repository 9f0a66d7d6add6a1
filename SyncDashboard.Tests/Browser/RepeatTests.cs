using System.Globalization;
using Microsoft.Playwright;
using SyncDashboard.Tests.Infrastructure;

namespace SyncDashboard.Tests.Browser;

/// <summary>A series made with the editor's Repeat picker, on a desktop in light mode and on a phone in dark mode.</summary>
[Collection(BrowserCollection.Name)]
public sealed class RepeatTests(BrowserFixture fixture)
{
    [Theory]
    [InlineData(ColorScheme.Light, 1280)]
    [InlineData(ColorScheme.Dark, 390)]
    public async Task AWeeklySeriesOnMondayAndThursdaySixTimesShowsOnThoseDays(ColorScheme scheme, int width)
    {
        var user = await fixture.App.CreateUserAsync("Gym");
        await using var context = await fixture.NewContextAsync(width: width, colorScheme: scheme);
        await context.SignInAsync(user);
        var suffix = $"{(width < 600 ? "phone" : "desktop")}-{scheme.ToString().ToLowerInvariant()}";
        var today = DateTime.UtcNow.Date;
        var monday = today.AddDays(7 - ((int)today.DayOfWeek + 6) % 7); // next week's Monday (test users live in UTC)
        var page = await context.OpenAsync($"/calendar?view=week&date={monday:yyyy-MM-dd}");
        await Assertions.Expect(page.GetByTestId("week-view")).ToBeVisibleAsync();

        var dialog = await CalendarTests.OpenNewEventDialogAsync(page);
        await dialog.Locator("input[name=title]").FillAsync("Gym");
        await dialog.Locator("input[name=start]").FillAsync(Ui.LocalInput(monday.AddHours(18)));
        await dialog.Locator("input[name=end]").FillAsync(Ui.LocalInput(monday.AddHours(19)));
        // Monthly first (its choices are read off the first day), then weekly.
        await ChooseAsync(page, dialog.GetByTestId("repeat-frequency"), "Monthly");
        var nth = (monday.Day - 1) / 7;
        await ChooseAsync(page, dialog.GetByTestId("repeat-monthly-by"), $"on the {new[] { "first", "second", "third", "fourth", "fifth" }[nth]} Monday");
        await Assertions.Expect(dialog.GetByTestId("repeat-words")).ToHaveTextAsync($"Repeats: monthly on the {new[] { "1st", "2nd", "3rd", "4th", "5th" }[nth]} Monday.");
        await page.ScreenshotAsync($"event-dialog-repeat-monthly-{suffix}");
        await ChooseAsync(page, dialog.GetByTestId("repeat-frequency"), "Weekly");
        await dialog.GetByTestId("repeat-day-th").ClickAsync();
        await dialog.GetByTestId("repeat-end-after").CheckAsync();
        await dialog.Locator("input[name=repeatCount]").FillAsync("6");
        await dialog.Locator("input[name=repeatCount]").PressAsync("Tab");
        await Assertions.Expect(dialog.GetByTestId("repeat-words")).ToHaveTextAsync("Repeats: every week on Monday and Thursday, 6 times.");
        await Assertions.Expect(dialog.GetByTestId("repeat-day-mo")).ToHaveAttributeAsync("aria-checked", "true");
        Assert.Equal("", await OutsideTheDialogAsync(page));
        await page.ScreenshotAsync($"event-dialog-repeat-{suffix}");

        await dialog.GetByTestId("save-event").ClickAsync();
        await Assertions.Expect(dialog).ToHaveCountAsync(0);
        var stored = Assert.Single(await user.ListEventsAsync(new(monday, TimeSpan.Zero), new(monday.AddDays(1), TimeSpan.Zero)));
        Assert.Equal("RRULE:FREQ=WEEKLY;BYDAY=MO,TH;COUNT=6", stored.GetProperty("recurrence").GetString());

        // Three weeks of Monday and Thursday, then nothing: the week view shows each occurrence in its day's column.
        for (var week = 0; week < 4; week++)
        {
            var weekStart = monday.AddDays(7 * week);
            await page.GotoAsync($"/calendar?view=week&date={weekStart:yyyy-MM-dd}");
            await page.WaitForInteractiveAsync();
            await Assertions.Expect(page.GetByTestId("week-view")).ToBeVisibleAsync();
            var expected = week < 3 ? new[] { Iso(weekStart), Iso(weekStart.AddDays(3)) } : [];
            await Assertions.Expect(page.Locator("[data-testid=day-column]:has([data-testid=calendar-event]:has-text('Gym'))"))
                .ToHaveCountAsync(expected.Length);
            foreach (var day in expected)
            {
                await Assertions.Expect(page.Locator($"[data-testid=day-column][data-date='{day}']").Filter(new() { HasText = "Gym" })).ToHaveCountAsync(1);
            }
            if (week == 0) await page.ScreenshotAsync($"calendar-week-repeat-{suffix}");
        }
    }

    private static async Task ChooseAsync(IPage page, ILocator select, string option)
    {
        await select.ClickAsync();
        await page.Locator(".mud-popover-open").GetByRole(AriaRole.Option, new() { Name = option, Exact = true }).ClickAsync();
    }

    private static string Iso(DateTime day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>Elements of the editor reaching past its right edge, or past the window's (a phone must not scroll sideways).</summary>
    private static Task<string> OutsideTheDialogAsync(IPage page) => page.EvaluateAsync<string>("""
        () => {
            const dialog = document.querySelector('.mud-dialog');
            const right = Math.min(dialog.getBoundingClientRect().right, window.innerWidth) + 1;
            return [...dialog.querySelectorAll('*')].filter(e => e.getBoundingClientRect().right > right).slice(0, 5)
                .map(e => `${e.tagName.toLowerCase()}.${e.className} (${Math.round(e.getBoundingClientRect().right)} px)`).join(', ');
        }
        """);
}
