using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;
using SyncDashboard.Emulators.Google;
using SyncDashboard.Tests.Infrastructure;
using SyncDashboard.Tests.Integration.Google;
using SyncDashboard.Tests.Integration.Notion;

namespace SyncDashboard.Tests.Browser;

/// <summary>
/// The newcomer's data loss of issue 11, in Chromium: renaming only one occurrence of a weekly series in the editor
/// ("This event") keeps every other occurrence — in the app, in Google (an instance exception) and in Notion (a page of its own).
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class RecurringEditTests(BrowserFixture fixture)
{
    private static string Day(DateTime d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static DateTime FirstFriday()
    {
        var day = DateTime.UtcNow.Date.AddDays(7);
        while (day.DayOfWeek != DayOfWeek.Friday) day = day.AddDays(1);
        return day.AddHours(8);
    }

    [Fact]
    public async Task RenamingOnlyTheSecondOccurrenceKeepsTheSeriesOnAllThreeSides()
    {
        var google = await fixture.App.ConnectGoogleAsync();
        var notion = await fixture.App.ConnectNotionAsync(google.User);
        var user = google.User;
        var emulator = fixture.App.Get<GoogleEmulator>();
        var first = FirstFriday();
        var second = first.AddDays(7);
        var response = await user.Api.PostAsJsonAsync("/api/events", new
        {
            title = "Weekly planning", start = new DateTimeOffset(first, TimeSpan.Zero), end = new DateTimeOffset(first.AddHours(1), TimeSpan.Zero),
            timeZone = "UTC", recurrence = "RRULE:FREQ=WEEKLY;COUNT=8",
        });
        var seriesId = (await response.ReadJsonAsync()).GetProperty("id").GetGuid();
        var googleId = seriesId.ToString("N");
        await Eventually.TrueAsync(() => emulator.Events(google.CalendarId).Any(e => e.Id == googleId) && fixture.App.PageFor(notion, seriesId) is not null,
            "the series is in Google and Notion");

        await using var context = await fixture.NewContextAsync();
        await context.SignInAsync(user);
        var page = await context.OpenAsync($"/calendar?view=week&date={Day(second)}");
        var dialog = CalendarTests.EditorDialog(page);
        await page.CalendarEvent("Weekly planning").ClickUntilVisibleAsync(dialog.GetByTestId("event-form"));
        await Assertions.Expect(dialog).ToContainTextAsync("When you save, you choose which occurrences change.");
        await dialog.Locator("input[name=title]").FillAsync("Planning (moved)");
        await dialog.GetByTestId("save-event").ClickAsync();

        var scope = page.GetByTestId("series-scope-dialog");
        await Assertions.Expect(scope).ToBeVisibleAsync();
        await page.ScreenshotAsync("calendar-series-scope-desktop-light");
        await Assertions.Expect(scope.GetByRole(AriaRole.Radio, new() { Name = "This event" })).ToBeCheckedAsync();
        await page.GetByTestId("scope-ok").ClickAsync();
        await Assertions.Expect(page.Locator(".mud-snackbar").Filter(new() { HasText = "Saved “Planning (moved)”." })).ToBeVisibleAsync();
        await Assertions.Expect(page.CalendarEvent("Planning (moved)")).ToBeVisibleAsync();
        await Assertions.Expect(page.CalendarEvent("Weekly planning")).ToHaveCountAsync(0);

        // The week before still has the series' first occurrence, unchanged.
        await page.GotoAsync($"/calendar?view=week&date={Day(first)}");
        await Assertions.Expect(page.CalendarEvent("Weekly planning")).ToBeVisibleAsync();
        var titles = (await (await user.Api.GetAsync($"/api/events?from={Uri.EscapeDataString(first.AddDays(-1).ToString("O"))}&to={Uri.EscapeDataString(first.AddDays(60).ToString("O"))}")).ReadJsonAsync())
            .EnumerateArray().Select(e => e.GetProperty("title").GetString()).ToList();
        Assert.Equal(["Weekly planning", "Planning (moved)", .. Enumerable.Repeat("Weekly planning", 6)], titles);

        var instanceId = $"{googleId}_{second:yyyyMMdd'T'HHmmss'Z'}";
        await Eventually.TrueAsync(() => emulator.Events(google.CalendarId).Any(e => e.Id == instanceId && e.Summary == "Planning (moved)"),
            "Google has the occurrence as an exception");
        var master = emulator.GetEvent(google.CalendarId, googleId);
        Assert.Equal(("Weekly planning", "RRULE:FREQ=WEEKLY;COUNT=8"), (master.Summary, master.Recurrence!.Single()));
        Assert.Equal(first, DateTimeOffset.Parse(master.Start!.DateTime!, CultureInfo.InvariantCulture).UtcDateTime);
        await Eventually.TrueAsync(() => fixture.App.LivePages(notion).Any(p => p.Text("Title") == "Planning (moved)"), "Notion has the occurrence as a page");
        var seriesPage = fixture.App.PageFor(notion, seriesId)!;
        Assert.Equal(("Weekly planning", new DateTimeOffset(first, TimeSpan.Zero)), (seriesPage.Text("Title"), seriesPage.DateStart()));
    }

    [Fact]
    public async Task DeletingAnOccurrenceOnAPhoneAsksWhichOnesAndCancelKeepsThemAll()
    {
        var user = await fixture.App.CreateUserAsync("SeriesPhone");
        var first = FirstFriday();
        await user.Api.PostAsJsonAsync("/api/events", new
        {
            title = "Swim", start = new DateTimeOffset(first, TimeSpan.Zero), end = new DateTimeOffset(first.AddHours(1), TimeSpan.Zero),
            timeZone = "UTC", recurrence = "RRULE:FREQ=WEEKLY;COUNT=4",
        });
        await using var context = await fixture.NewContextAsync(width: 390, colorScheme: ColorScheme.Dark);
        await context.SignInAsync(user);
        var page = await context.OpenAsync($"/calendar?view=agenda&date={Day(first)}");
        var dialog = CalendarTests.EditorDialog(page);
        await Assertions.Expect(page.CalendarEvent("Swim").Nth(1)).ToBeVisibleAsync();
        var shown = await page.CalendarEvent("Swim").CountAsync();

        await page.CalendarEvent("Swim").Nth(1).ClickUntilVisibleAsync(dialog.GetByTestId("delete-event"));
        await dialog.GetByTestId("delete-event").ClickAsync();
        var scope = page.GetByTestId("series-scope-dialog");
        await Assertions.Expect(scope).ToBeVisibleAsync();
        var box = await page.Locator(".mud-dialog").Filter(new() { Has = scope }).BoundingBoxAsync();
        Assert.True(box is { X: >= 0 } && box.X + box.Width <= 390, $"the dialog spans {box?.X} to {box?.X + box?.Width} px");
        Assert.True(await page.IsDarkAsync());
        await page.ScreenshotAsync("calendar-series-scope-phone-dark");
        await page.GetByTestId("scope-cancel").ClickAsync();
        await Assertions.Expect(scope).ToHaveCountAsync(0);
        await Assertions.Expect(page.CalendarEvent("Swim")).ToHaveCountAsync(shown);

        // The editor is still open: this time the second and later occurrences go.
        await dialog.GetByTestId("delete-event").ClickAsync();
        await page.GetByTestId("scope-following").ClickAsync();
        await page.GetByTestId("scope-ok").ClickAsync();
        await Assertions.Expect(page.CalendarEvent("Swim")).ToHaveCountAsync(1);
    }
}
