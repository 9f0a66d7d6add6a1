using System.Net;
using Microsoft.Playwright;
using SyncDashboard.Tests.Infrastructure;

namespace SyncDashboard.Tests.Browser;

[Collection(BrowserCollection.Name)]
public sealed class CalendarTests(BrowserFixture fixture)
{
    internal static async Task<ILocator> OpenNewEventDialogAsync(IPage page)
    {
        var dialog = page.Locator(".rz-dialog");
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

    [Fact]
    public async Task EventCreatedEditedAndDeletedInTheSchedulerIsStoredEachTime()
    {
        var user = await fixture.App.CreateUserAsync("Planner");
        await using var context = await fixture.NewContextAsync();
        await context.SignInAsync(user);
        var page = await context.OpenAsync("/calendar");
        await Assertions.Expect(page.Locator(".rz-scheduler")).ToBeVisibleAsync();
        var start = Ui.DayInShownWeek(10);
        var window = (From: new DateTimeOffset(start.AddDays(-1), TimeSpan.Zero), To: new DateTimeOffset(start.AddDays(1), TimeSpan.Zero));

        // Create
        var dialog = await OpenNewEventDialogAsync(page);
        await page.ScreenshotAsync("event-dialog");
        await FillAsync(dialog, "Roadmap review", start, start.AddHours(1), "Room 7");
        await dialog.GetByTestId("save-event").ClickAsync();
        await Assertions.Expect(dialog).ToHaveCountAsync(0);
        var appointment = page.Appointment("Roadmap review");
        await Assertions.Expect(appointment).ToBeVisibleAsync();
        await page.ScreenshotAsync("calendar-week");

        var stored = Assert.Single(await user.ListEventsAsync(window.From, window.To));
        var id = stored.GetProperty("id").GetGuid();
        Assert.Equal("Roadmap review", stored.GetProperty("title").GetString());
        Assert.Equal("Room 7", stored.GetProperty("location").GetString());
        Assert.Equal(new DateTimeOffset(start, TimeSpan.Zero), stored.GetProperty("start").GetDateTimeOffset());
        Assert.Equal(new DateTimeOffset(start.AddHours(1), TimeSpan.Zero), stored.GetProperty("end").GetDateTimeOffset());
        await Assertions.Expect(appointment).ToHaveAttributeAsync("data-event-id", id.ToString());

        // Edit
        await appointment.ClickUntilVisibleAsync(dialog.GetByTestId("event-form"));
        await Assertions.Expect(dialog.Locator("input[name=title]")).ToHaveValueAsync("Roadmap review");
        await dialog.Locator("input[name=title]").FillAsync("Roadmap review (moved)");
        await dialog.GetByTestId("save-event").ClickAsync();
        await Assertions.Expect(dialog).ToHaveCountAsync(0);
        var edited = page.Locator($"[data-testid=appointment][data-event-id='{id}']");
        await Assertions.Expect(edited).ToContainTextAsync("Roadmap review (moved)");
        var afterEdit = await (await user.Api.GetAsync($"/api/events/{id}")).ReadJsonAsync();
        Assert.Equal("Roadmap review (moved)", afterEdit.GetProperty("title").GetString());
        Assert.Equal(2, afterEdit.GetProperty("version").GetInt32());

        // Delete
        await edited.ClickUntilVisibleAsync(dialog.GetByTestId("delete-event"));
        await dialog.GetByTestId("delete-event").ClickAsync();
        await Assertions.Expect(dialog).ToHaveCountAsync(0);
        await Assertions.Expect(page.Locator("[data-testid=appointment]")).ToHaveCountAsync(0);
        Assert.Equal(HttpStatusCode.NotFound, (await user.Api.GetAsync($"/api/events/{id}")).StatusCode);
        Assert.Empty(await user.ListEventsAsync(window.From, window.To));
    }

    [Fact]
    public async Task EndBeforeStartIsShownInTheFormAndNothingIsStored()
    {
        var user = await fixture.App.CreateUserAsync("Backwards");
        await using var context = await fixture.NewContextAsync();
        await context.SignInAsync(user);
        var page = await context.OpenAsync("/calendar");
        var start = Ui.DayInShownWeek(10);

        var dialog = await OpenNewEventDialogAsync(page);
        await FillAsync(dialog, "Time travel", start, start.AddHours(-1));
        await dialog.GetByTestId("save-event").ClickAsync();

        await Assertions.Expect(dialog.Locator(".validation-message")).ToHaveTextAsync("End must be after start.");
        await Assertions.Expect(dialog.GetByTestId("event-form")).ToBeVisibleAsync();
        await page.ScreenshotAsync("event-dialog-validation");

        Assert.Empty(await user.ListEventsAsync(DateTimeOffset.UtcNow.AddDays(-30), DateTimeOffset.UtcNow.AddDays(30)));
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Cancel" }).ClickAsync();
        await Assertions.Expect(dialog).ToHaveCountAsync(0);
        await Assertions.Expect(page.Locator("[data-testid=appointment]")).ToHaveCountAsync(0);
    }
}
