using Microsoft.Playwright;
using SyncDashboard.Tests.Infrastructure;

namespace SyncDashboard.Tests.Browser;

/// <summary>Settings as a person uses it: display preferences that every page follows, colours, disconnecting, and how it looks.</summary>
[Collection(BrowserCollection.Name)]
public sealed class SettingsPageTests(BrowserFixture fixture)
{
    [Fact]
    public async Task EnGbTwentyFourHourAndMondayStartTheWeekOnMondayAndTheOpenDashboardShowsTwentyFourHourTimes()
    {
        var user = await fixture.App.CreateUserAsync("Prefs");
        var tomorrow = DateTime.UtcNow.Date.AddDays(1);
        var eventId = await user.CreateEventAsync("Planning", new DateTimeOffset(tomorrow.AddHours(14).AddMinutes(5), TimeSpan.Zero));
        await using var context = await fixture.NewContextAsync();
        var dashboard = await context.SignInAsync(user);
        var item = dashboard.UpcomingItem(eventId);
        await Assertions.Expect(item).ToContainTextAsync("2:05"); // the browser's en-US: 12-hour
        await Assertions.Expect(item).ToContainTextAsync("PM");

        var settings = await context.OpenAsync("/settings");
        await settings.GetByTestId("culture").SelectOptionAsync("en-GB");
        await Assertions.Expect(settings.GetByTestId("display-sample")).ToContainTextAsync("Monday");
        await settings.GetByTestId("hour-cycle").SelectOptionAsync("H23");
        await settings.GetByTestId("week-start").SelectOptionAsync("Monday");
        await Assertions.Expect(settings.GetByTestId("week-start")).ToHaveValueAsync("Monday");

        // The dashboard that was open all along redraws in the new preferences.
        await Assertions.Expect(item).ToContainTextAsync("14:05");
        await Assertions.Expect(item).Not.ToContainTextAsync("PM");

        // The widget reads the same way: the server writes its time with the user's formatter.
        var widget = await context.NewPageAsync();
        await widget.GotoAsync("/widget/next-event");
        await Assertions.Expect(widget.GetByTestId("widget-title")).ToHaveTextAsync("Planning");
        await Assertions.Expect(widget.Locator(".when")).ToContainTextAsync("14:05");

        var wednesday = tomorrow.AddDays(((int)DayOfWeek.Wednesday - (int)tomorrow.DayOfWeek + 7) % 7);
        var calendar = await context.OpenAsync($"/calendar?view=week&date={wednesday:yyyy-MM-dd}");
        await Assertions.Expect(calendar.GetByTestId("day-head").First).ToHaveAttributeAsync("data-date", $"{wednesday.AddDays(-2):yyyy-MM-dd}");
        await Assertions.Expect(calendar.GetByTestId("day-head").First).ToContainTextAsync("Mon");
    }

    [Fact]
    public async Task PickingAnIntegrationsColourRepaintsItsEventsInTheCalendar()
    {
        var user = await fixture.App.CreateUserAsync("Colours");
        var (work, _, _) = await CalendarScene.SeedAsync(fixture.App, user);
        await using var context = await fixture.NewContextAsync();
        await context.SignInAsync(user);
        var pink = "#d81b60";

        var settings = await context.OpenAsync("/settings");
        var card = settings.Locator($"[data-integration-id='{work}']");
        await card.Locator($"[data-testid=colour-swatch][data-colour='{pink}']").ClickAsync();
        await Assertions.Expect(card.Locator($"[data-testid=colour-swatch][data-colour='{pink}']")).ToHaveAttributeAsync("aria-checked", "true");

        var calendar = await context.OpenAsync($"/calendar?view=week&date={DateTime.UtcNow.Date:yyyy-MM-dd}");
        var chip = calendar.CalendarEvent("Design review");
        await Assertions.Expect(chip).ToHaveAttributeAsync("data-source", work.ToString());
        var colour = await chip.EvaluateAsync<string>("b => getComputedStyle(b.closest('.cal-event-root')).getPropertyValue('--source').trim()");
        Assert.Equal(pink, colour);
        await Assertions.Expect(calendar.Locator($"[data-testid=legend-item][data-source='{work}'][style*='{pink}']")).ToHaveCountAsync(1);
    }

    [Fact]
    public async Task DisconnectAsksFirstAndKeepItKeepsTheIntegration()
    {
        var user = await fixture.App.CreateUserAsync("Disconnect");
        var (work, _, _) = await CalendarScene.SeedAsync(fixture.App, user);
        await using var context = await fixture.NewContextAsync();
        await context.SignInAsync(user);
        var settings = await context.OpenAsync("/settings");
        var card = settings.Locator($"[data-integration-id='{work}']");
        var question = settings.Locator(".mud-message-box");

        await card.GetByTestId("disconnect").ClickAsync();
        await Assertions.Expect(question).ToContainTextAsync("Its events stay in this app and in Google Calendar");
        await question.GetByRole(AriaRole.Button, new() { Name = "Keep it" }).ClickAsync();
        await Assertions.Expect(question).ToHaveCountAsync(0);
        await Assertions.Expect(card).ToHaveCountAsync(1);

        await card.GetByTestId("disconnect").ClickAsync();
        await question.GetByRole(AriaRole.Button, new() { Name = "Disconnect" }).ClickAsync();
        await Assertions.Expect(card).ToHaveCountAsync(0);
        await Assertions.Expect(settings.Locator(".mud-snackbar")).ToContainTextAsync("Disconnected Work");
    }

    [Theory]
    [InlineData(ColorScheme.Light, 1280)]
    [InlineData(ColorScheme.Dark, 1280)]
    [InlineData(ColorScheme.Light, 390)]
    [InlineData(ColorScheme.Dark, 390)]
    public async Task SettingsShowsACardPerIntegrationWithoutSidewaysScroll(ColorScheme scheme, int width)
    {
        var user = await fixture.App.CreateUserAsync("SettingsLook");
        await CalendarScene.SeedAsync(fixture.App, user);
        await using var context = await fixture.NewContextAsync(width: width, colorScheme: scheme);
        await context.SignInAsync(user);
        var page = await context.OpenAsync("/settings");

        await Assertions.Expect(page.GetByTestId("google-integration")).ToHaveCountAsync(1);
        await Assertions.Expect(page.GetByTestId("notion-integration")).ToHaveCountAsync(1);
        await Assertions.Expect(page.Locator(".token-row")).ToHaveCountAsync(1);
        var widths = await page.EvaluateAsync<int[]>("() => [document.documentElement.scrollWidth, window.innerWidth]");
        Assert.True(widths[0] <= widths[1], $"Settings is {widths[0]} px wide in a {widths[1]} px window");
        await page.ScreenshotAsync($"settings-{(width < 600 ? "phone" : "desktop")}-{scheme.ToString().ToLowerInvariant()}");
    }

    [Theory]
    [InlineData("/settings/google", "That Google account is not connected.")]
    [InlineData("/settings/notion", "That Notion workspace is not connected.")]
    public async Task ASubpageOpenedDirectlySaysWhatToDoAndLinksBack(string path, string message)
    {
        var user = await fixture.App.CreateUserAsync("Direct");
        await using var context = await fixture.NewContextAsync(width: 390);
        await context.SignInAsync(user);
        var page = await context.OpenAsync(path);

        await Assertions.Expect(page.GetByTestId("picker-not-connected")).ToContainTextAsync(message);
        await page.ScreenshotAsync($"settings-{path.Split('/')[^1]}-direct-phone-light");
        await page.GetByTestId("back-to-settings").GetByRole(AriaRole.Link, new() { Name = "Settings" }).ClickAsync();
        await page.WaitForPathAsync("/settings");
    }
}
