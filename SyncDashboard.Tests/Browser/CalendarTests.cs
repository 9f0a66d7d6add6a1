using System.Net;
using Microsoft.Playwright;
using SyncDashboard.Tests.Infrastructure;

namespace SyncDashboard.Tests.Browser;

[Collection(BrowserCollection.Name)]
public sealed class CalendarTests(BrowserFixture fixture)
{
    /// <summary>The editor's dialog (not a confirmation over it).</summary>
    internal static ILocator EditorDialog(IPage page) => page.Locator(".mud-dialog").Filter(new() { Has = page.GetByTestId("event-form") });

    internal static async Task<ILocator> OpenNewEventDialogAsync(IPage page)
    {
        var dialog = EditorDialog(page);
        await page.GetByTestId("new-event").ClickUntilVisibleAsync(dialog.GetByTestId("event-form"));
        return dialog;
    }

    private static async Task FillAsync(ILocator dialog, string title, DateTime start, DateTime end, string? location = null)
    {
        await dialog.Locator("input[name=title]").FillAsync(title);
        await dialog.Locator("input[name=start]").FillAsync(Ui.LocalInput(start));
        await dialog.Locator("input[name=end]").FillAsync(Ui.LocalInput(end));
        if (location is not null) await dialog.Locator("input[name=location]").FillAsync(location);
    }

    /// <summary>Tomorrow at <paramref name="hour"/> (UTC, the zone of test users), and the week view that shows it.</summary>
    private static (DateTime Start, string Path) Tomorrow(int hour)
    {
        var start = DateTime.UtcNow.Date.AddDays(1).AddHours(hour);
        return (start, $"/calendar?view=week&date={start:yyyy-MM-dd}");
    }

    [Fact]
    public async Task EventCreatedEditedAndDeletedInTheCalendarIsStoredEachTimeAndDeletingAsksFirst()
    {
        var user = await fixture.App.CreateUserAsync("Planner");
        await using var context = await fixture.NewContextAsync();
        await context.SignInAsync(user);
        var (start, path) = Tomorrow(10);
        var page = await context.OpenAsync(path);
        await Assertions.Expect(page.GetByTestId("week-view")).ToBeVisibleAsync();
        var window = (From: new DateTimeOffset(start.AddDays(-1), TimeSpan.Zero), To: new DateTimeOffset(start.AddDays(1), TimeSpan.Zero));

        // Create
        var dialog = await OpenNewEventDialogAsync(page);
        await FillAsync(dialog, "Roadmap review", start, start.AddHours(1), "Room 7");
        await dialog.GetByTestId("save-event").ClickAsync();
        await Assertions.Expect(dialog).ToHaveCountAsync(0);
        await Assertions.Expect(page.Locator(".mud-snackbar")).ToContainTextAsync("Created “Roadmap review”.");
        var chip = page.CalendarEvent("Roadmap review");
        await Assertions.Expect(chip).ToBeVisibleAsync();

        var stored = Assert.Single(await user.ListEventsAsync(window.From, window.To));
        var id = stored.GetProperty("id").GetGuid();
        Assert.Equal("Roadmap review", stored.GetProperty("title").GetString());
        Assert.Equal("Room 7", stored.GetProperty("location").GetString());
        Assert.Equal(new DateTimeOffset(start, TimeSpan.Zero), stored.GetProperty("start").GetDateTimeOffset());
        Assert.Equal(new DateTimeOffset(start.AddHours(1), TimeSpan.Zero), stored.GetProperty("end").GetDateTimeOffset());
        await Assertions.Expect(chip).ToHaveAttributeAsync("data-event-id", id.ToString());
        await Assertions.Expect(page.Locator($"[data-testid=day-column][data-date='{start:yyyy-MM-dd}'] [data-event-id='{id}']")).ToBeVisibleAsync();

        // Edit
        await chip.ClickUntilVisibleAsync(dialog.GetByTestId("event-form"));
        await Assertions.Expect(dialog.Locator("input[name=title]")).ToHaveValueAsync("Roadmap review");
        await dialog.Locator("input[name=title]").FillAsync("Roadmap review (moved)");
        await dialog.GetByTestId("save-event").ClickAsync();
        await Assertions.Expect(dialog).ToHaveCountAsync(0);
        var edited = page.Locator($"[data-testid=calendar-event][data-event-id='{id}']");
        await Assertions.Expect(edited).ToContainTextAsync("Roadmap review (moved)");
        var afterEdit = await (await user.Api.GetAsync($"/api/events/{id}")).ReadJsonAsync();
        Assert.Equal("Roadmap review (moved)", afterEdit.GetProperty("title").GetString());
        Assert.Equal(2, afterEdit.GetProperty("version").GetInt32());

        // Delete: asked first; "Keep it" keeps it, "Delete" deletes it.
        await edited.ClickUntilVisibleAsync(dialog.GetByTestId("delete-event"));
        await dialog.GetByTestId("delete-event").ClickAsync();
        var confirm = page.Locator(".mud-dialog").Filter(new() { HasText = "Delete this event?" });
        await Assertions.Expect(confirm).ToContainTextAsync("“Roadmap review (moved)” will be deleted.");
        await page.ScreenshotAsync("event-delete-confirm");
        await confirm.GetByRole(AriaRole.Button, new() { Name = "Keep it" }).ClickAsync();
        await Assertions.Expect(confirm).ToHaveCountAsync(0);
        Assert.Equal(HttpStatusCode.OK, (await user.Api.GetAsync($"/api/events/{id}")).StatusCode);
        await dialog.GetByTestId("delete-event").ClickAsync();
        await confirm.GetByRole(AriaRole.Button, new() { Name = "Delete" }).ClickAsync();
        await Assertions.Expect(dialog).ToHaveCountAsync(0);
        await Assertions.Expect(page.Locator(".mud-snackbar").Filter(new() { HasText = "Deleted “Roadmap review (moved)”." })).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("[data-testid=calendar-event]")).ToHaveCountAsync(0);
        Assert.Equal(HttpStatusCode.NotFound, (await user.Api.GetAsync($"/api/events/{id}")).StatusCode);
        Assert.Empty(await user.ListEventsAsync(window.From, window.To));
    }

    [Fact]
    public async Task AnEventMadeElsewhereAppearsOnTheOpenCalendarWithoutAReload()
    {
        var user = await fixture.App.CreateUserAsync("Watcher");
        await using var context = await fixture.NewContextAsync();
        await context.SignInAsync(user);
        var (start, path) = Tomorrow(14);
        var page = await context.OpenAsync(path);
        await Ui.MarkNoReloadAsync(page);

        var id = await user.CreateEventAsync("Booked through the API", new DateTimeOffset(start, TimeSpan.Zero));

        await Assertions.Expect(page.Locator($"[data-testid=day-column][data-date='{start:yyyy-MM-dd}'] [data-event-id='{id}']"))
            .ToContainTextAsync("Booked through the API");
        await Ui.AssertNotReloadedAsync(page);
    }

    [Fact]
    public async Task EndBeforeStartIsShownInTheFormAndNothingIsStored()
    {
        var user = await fixture.App.CreateUserAsync("Backwards");
        await using var context = await fixture.NewContextAsync();
        await context.SignInAsync(user);
        var (start, path) = Tomorrow(10);
        var page = await context.OpenAsync(path);

        var dialog = await OpenNewEventDialogAsync(page);
        await FillAsync(dialog, "Time travel", start, start.AddHours(-1));
        await dialog.GetByTestId("save-event").ClickAsync();

        await Assertions.Expect(dialog.Locator(".mud-input-helper-text.mud-input-error")).ToHaveTextAsync("End must be after start.");
        await Assertions.Expect(dialog.GetByTestId("event-form")).ToBeVisibleAsync();
        await page.ScreenshotAsync("event-dialog-validation");

        Assert.Empty(await user.ListEventsAsync(DateTimeOffset.UtcNow.AddDays(-30), DateTimeOffset.UtcNow.AddDays(30)));
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Cancel" }).ClickAsync();
        await Assertions.Expect(dialog).ToHaveCountAsync(0);
        await Assertions.Expect(page.Locator("[data-testid=calendar-event]")).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task ClickingFreeTimeInTheWeekStartsAnEventInThatQuarterHourOfThatDay()
    {
        var user = await fixture.App.CreateUserAsync("Slots");
        await using var context = await fixture.NewContextAsync();
        await context.SignInAsync(user);
        var (start, path) = Tomorrow(0);
        var page = await context.OpenAsync(path);
        var slots = page.Locator($"[data-testid=day-column][data-date='{start:yyyy-MM-dd}'] [data-testid=slots]");

        // 48 px an hour: 10:40 is 512 px down; the slot is 10:30.
        await slots.ClickAsync(new() { Position = new Position { X = 20, Y = 10 * 48 + 32 } });

        var dialog = EditorDialog(page);
        await Assertions.Expect(dialog.Locator("input[name=start]")).ToHaveValueAsync(Ui.LocalInput(start.AddHours(10.5)));
        await Assertions.Expect(dialog.Locator("input[name=end]")).ToHaveValueAsync(Ui.LocalInput(start.AddHours(11.5)));
    }

    [Fact]
    public async Task TheToolbarAndArrowKeysMoveTheRangeTheSwitchChangesTheViewAndAnEventOpensWithEnter()
    {
        var user = await fixture.App.CreateUserAsync("Keys");
        var id = await user.CreateEventAsync("Board meeting", new DateTimeOffset(2026, 12, 2, 15, 0, 0, TimeSpan.Zero));
        await using var context = await fixture.NewContextAsync();
        await context.SignInAsync(user);
        var page = await context.OpenAsync("/calendar?view=week&date=2026-12-02");
        var title = page.GetByTestId("calendar-title");
        await Assertions.Expect(title).ToHaveTextAsync("Nov 29 – Dec 5, 2026"); // en-US: the week starts on Sunday

        await page.GetByTestId("next").ClickAsync();
        await Assertions.Expect(title).ToHaveTextAsync("Dec 6 – Dec 12, 2026");
        await page.GetByTestId("today").FocusAsync();
        await page.Keyboard.PressAsync("ArrowLeft");
        await Assertions.Expect(title).ToHaveTextAsync("Nov 29 – Dec 5, 2026");

        await page.GetByTestId("view-month").ClickAsync();
        await Assertions.Expect(page.GetByTestId("month-view")).ToBeVisibleAsync();
        await Assertions.Expect(title).ToHaveTextAsync("December 2026");
        Assert.Contains("view=month", page.Url);
        await page.GetByTestId("view-agenda").ClickAsync();
        await Assertions.Expect(page.GetByTestId("agenda-view")).ToBeVisibleAsync();

        var chip = page.Locator($"[data-testid=calendar-event][data-event-id='{id}']");
        await chip.FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(EditorDialog(page).Locator("input[name=title]")).ToHaveValueAsync("Board meeting");
    }

    [Fact]
    public async Task OnA390PixelPhoneTheCalendarOpensOnTheAgendaAndNoViewScrollsSideways()
    {
        var user = await fixture.App.CreateUserAsync("Pocket");
        var tomorrow = DateTime.UtcNow.Date.AddDays(1);
        var id = await user.CreateEventAsync("A meeting with a title far too long for a phone's narrow screen", new DateTimeOffset(tomorrow.AddHours(9), TimeSpan.Zero));
        await using var context = await fixture.NewContextAsync(width: 390);
        await context.SignInAsync(user);
        var page = await context.OpenAsync("/calendar");

        await Assertions.Expect(page.GetByTestId("agenda-view")).ToBeVisibleAsync();
        await page.WaitForAddressAsync(@"/calendar\?view=agenda");
        await Assertions.Expect(page.GetByTestId("agenda-view")).ToContainTextAsync("A meeting with a title");
        foreach (var view in new[] { "agenda", "week", "day", "month" })
        {
            await page.GotoAsync($"/calendar?view={view}");
            await page.WaitForInteractiveAsync();
            await Assertions.Expect(page.GetByTestId($"{view}-view")).ToBeVisibleAsync();
            var widths = await page.EvaluateAsync<int[]>("() => [document.documentElement.scrollWidth, window.innerWidth]");
            Assert.True(widths[0] <= widths[1], $"{view}: the page is {widths[0]} px wide in a {widths[1]} px window");
        }

        // A link to an event opens it on a phone too, over the agenda.
        await page.GotoAsync($"/calendar?event={id}");
        await Assertions.Expect(EditorDialog(page).Locator("input[name=title]")).ToHaveValueAsync("A meeting with a title far too long for a phone's narrow screen");
        await Assertions.Expect(page.GetByTestId("agenda-view")).ToBeVisibleAsync();
    }
}
