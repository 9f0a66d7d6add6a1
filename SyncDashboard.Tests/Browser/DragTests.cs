using System.Net;
using Microsoft.Playwright;
using SyncDashboard.Emulators.Google;
using SyncDashboard.Tests.Infrastructure;
using SyncDashboard.Tests.Integration.Google;

namespace SyncDashboard.Tests.Browser;

/// <summary>
/// Drag to move and resize (wwwroot/js/calendar-drag.js) and Undo after a move or a delete, in Chromium with the mouse.
/// The grid is 48 px an hour, so 12 px is a quarter hour.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class DragTests(BrowserFixture fixture)
{
    private static readonly DateTime Tomorrow = DateTime.UtcNow.Date.AddDays(1);
    private static string Day(DateTime d) => d.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    private static ILocator Chip(IPage page, Guid id) => page.Locator($"[data-testid=calendar-event][data-event-id='{id}']");

    private static ILocator Snackbar(IPage page, string text) => page.Locator(".mud-snackbar").Filter(new() { HasText = text });

    private static async Task<JsonTimes> TimesAsync(TestUser user, Guid id)
    {
        var e = await (await user.Api.GetAsync($"/api/events/{id}")).ReadJsonAsync();
        return new(e.GetProperty("start").GetDateTimeOffset().UtcDateTime, e.GetProperty("end").GetDateTimeOffset().UtcDateTime);
    }

    private sealed record JsonTimes(DateTime Start, DateTime End);

    /// <summary>Presses on <paramref name="from"/> (relative to the chip's box), moves in steps, and releases.</summary>
    private static async Task DragAsync(IPage page, ILocator chip, Func<LocatorBoundingBoxResult, (float X, float Y)> from, float dx, float dy,
        Func<Task>? whileDragging = null)
    {
        await chip.EvaluateAsync("e => e.scrollIntoView({ block: 'center' })");
        var box = await SettledBoxAsync(page, chip);
        var (x, y) = from(box);
        await page.Mouse.MoveAsync(x, y);
        await page.Mouse.DownAsync();
        await page.Mouse.MoveAsync(x + dx / 2, y + dy / 2, new() { Steps = 5 });
        await page.Mouse.MoveAsync(x + dx, y + dy, new() { Steps = 5 });
        if (whileDragging is not null) await whileDragging();
        await page.Mouse.UpAsync();
    }

    /// <summary>
    /// The chip's box once two frames in a row agree: the calendar scrolls its grid to the first event after it renders, and
    /// a box measured before that scroll puts the pointer beside the chip.
    /// </summary>
    private static async Task<LocatorBoundingBoxResult> SettledBoxAsync(IPage page, ILocator chip)
    {
        var box = (await chip.BoundingBoxAsync())!;
        for (var i = 0; i < 50; i++)
        {
            await page.EvaluateAsync("() => new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)))");
            var next = (await chip.BoundingBoxAsync())!;
            if ((next.X, next.Y, next.Width, next.Height) == (box.X, box.Y, box.Width, box.Height)) return next;
            box = next;
        }
        return box;
    }

    private static (float, float) Middle(LocatorBoundingBoxResult b) => (b.X + b.Width / 2, b.Y + 6);

    [Fact]
    public async Task AnEventDraggedInTheWeekViewIsStoredAtItsNewTimeAndUndoPutsItBack()
    {
        await using var scene = await OpenAsync("Dragger", "Design review", Tomorrow.AddHours(10), "week");
        var (user, id, context, page) = scene;
        var chip = Chip(page, id);

        // Two hours and a bit down: snapped to 12:15.
        await DragAsync(page, chip, Middle, 0, 2 * 48 + 14, async () =>
        {
            await Assertions.Expect(chip).ToHaveClassAsync(new System.Text.RegularExpressions.Regex("cal-dragging"));
            // The label beside the pointer says where it would land, in the user's format.
            await Assertions.Expect(page.Locator(".cal-drag-label")).ToContainTextAsync("12:15 PM – 1:15 PM");
            await page.ScreenshotAsync("calendar-drag-preview");
        });

        var moved = Snackbar(page, "Moved “Design review” to");
        await Assertions.Expect(moved).ToBeVisibleAsync();
        await Assertions.Expect(EditorDialogs(page)).ToHaveCountAsync(0); // a drag is not a click
        Assert.Equal(new JsonTimes(Tomorrow.AddHours(12).AddMinutes(15), Tomorrow.AddHours(13).AddMinutes(15)), await TimesAsync(user, id));
        await page.ScreenshotAsync("calendar-moved-snackbar");

        await Assertions.Expect(Chip(page, id)).ToHaveAttributeAsync("data-top", "735");
        // A reload (a fresh tab: this one keeps the snackbar with Undo) shows it at its new time.
        var reloaded = await context.OpenAsync($"/calendar?view=week&date={Day(Tomorrow)}");
        await Assertions.Expect(Chip(reloaded, id)).ToHaveAttributeAsync("data-top", "735");

        await moved.GetByRole(AriaRole.Button, new() { Name = "Undo" }).ClickAsync();
        await Assertions.Expect(Snackbar(page, "Put “Design review” back.")).ToBeVisibleAsync();
        Assert.Equal(new JsonTimes(Tomorrow.AddHours(10), Tomorrow.AddHours(11)), await TimesAsync(user, id));
        await Assertions.Expect(Chip(page, id)).ToHaveAttributeAsync("data-top", "600");
        await Assertions.Expect(Chip(reloaded, id)).ToHaveAttributeAsync("data-top", "600");
    }

    [Fact]
    public async Task DraggingTheLowerEdgeChangesOnlyTheEnd()
    {
        await using var scene = await OpenAsync("Resizer", "Workshop", Tomorrow.AddHours(9), "day");
        var (user, id, _, page) = scene;
        var chip = Chip(page, id);
        await Assertions.Expect(chip.GetByTestId("resize-handle")).ToHaveCountAsync(1);

        await DragAsync(page, chip, b => (b.X + b.Width / 2, b.Y + b.Height - 2), 0, 86); // 1 h 47.5 min: 1 h 45
        await Assertions.Expect(Snackbar(page, "Resized “Workshop” to")).ToBeVisibleAsync();
        Assert.Equal(new JsonTimes(Tomorrow.AddHours(9), Tomorrow.AddHours(11).AddMinutes(45)), await TimesAsync(user, id));
        await Assertions.Expect(EditorDialogs(page)).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task AnEventDraggedToAnotherDayInTheMonthKeepsItsTimeOfDay()
    {
        await using var scene = await OpenAsync("Monthly", "Dentist", Tomorrow.AddHours(8).AddMinutes(30), "month", minutes: 45);
        var (user, id, _, page) = scene;
        var chip = Chip(page, id);
        var target = page.Locator($"[data-testid=month-day][data-date='{Day(Tomorrow.AddDays(8))}']");
        var (c, t) = ((await chip.BoundingBoxAsync())!, (await target.BoundingBoxAsync())!);

        await DragAsync(page, chip, Middle, t.X + t.Width / 2 - (c.X + c.Width / 2), t.Y + t.Height / 2 - (c.Y + 6));

        await Assertions.Expect(Snackbar(page, "Moved “Dentist” to")).ToBeVisibleAsync();
        Assert.Equal(new JsonTimes(Tomorrow.AddDays(8).AddHours(8).AddMinutes(30), Tomorrow.AddDays(8).AddHours(9).AddMinutes(15)), await TimesAsync(user, id));
        await Assertions.Expect(page.Locator($"[data-testid=calendar-event][data-event-id='{id}']")).ToHaveCountAsync(1);
    }

    [Fact]
    public async Task UndoAfterDeletingBringsTheEventBackAndGoogleNeverHearsOfTheDelete()
    {
        var google = await fixture.App.ConnectGoogleAsync();
        var user = google.User;
        var emulator = fixture.App.Get<GoogleEmulator>();
        var id = await user.CreateEventAsync("Board meeting", new DateTimeOffset(Tomorrow.AddHours(11), TimeSpan.Zero));
        await Eventually.TrueAsync(() => emulator.Events(google.CalendarId).Any(e => e.Id == id.ToString("N")), "the event is in Google");
        await using var context = await fixture.NewContextAsync();
        await context.SignInAsync(user);
        var page = await context.OpenAsync($"/calendar?view=week&date={Day(Tomorrow)}");
        var dialog = CalendarTests.EditorDialog(page);

        await Chip(page, id).ClickUntilVisibleAsync(dialog.GetByTestId("delete-event"));
        await dialog.GetByTestId("delete-event").ClickAsync();
        await page.Locator(".mud-dialog").Filter(new() { HasText = "Delete this event?" }).GetByRole(AriaRole.Button, new() { Name = "Delete" }).ClickAsync();
        var deleted = Snackbar(page, "Deleted “Board meeting”.");
        await Assertions.Expect(deleted).ToBeVisibleAsync();
        await Assertions.Expect(Chip(page, id)).ToHaveCountAsync(0);
        await page.ScreenshotAsync("calendar-deleted-undo-snackbar");
        await deleted.GetByRole(AriaRole.Button, new() { Name = "Undo" }).ClickAsync();

        await Assertions.Expect(Snackbar(page, "Restored “Board meeting”.")).ToBeVisibleAsync();
        await Assertions.Expect(Chip(page, id)).ToBeVisibleAsync();
        Assert.Equal(HttpStatusCode.OK, (await user.Api.GetAsync($"/api/events/{id}")).StatusCode);
        // Sentinel: a delete made after the Undo reaches Google after its own window, so the first one's time has passed.
        var sentinel = await user.CreateEventAsync("Sentinel", new DateTimeOffset(Tomorrow.AddHours(15), TimeSpan.Zero));
        await Eventually.TrueAsync(() => emulator.Events(google.CalendarId).Any(e => e.Id == sentinel.ToString("N")), "the sentinel is in Google");
        await user.Api.DeleteAsync($"/api/events?id={sentinel}");
        await Eventually.TrueAsync(() => emulator.GetEvent(google.CalendarId, sentinel.ToString("N")).Status == "cancelled", "the sentinel's delete reached Google",
            TimeSpan.FromSeconds(30));
        Assert.Equal("confirmed", emulator.GetEvent(google.CalendarId, id.ToString("N")).Status);
        Assert.Equal(0, emulator.RequestCount("DELETE", id.ToString("N")));
    }

    [Fact]
    public async Task DraggingOnAPhoneNeverScrollsThePageSideways()
    {
        await using var scene = await OpenAsync("Thumb", "Coffee", Tomorrow.AddHours(10), "week", width: 390);
        var page = scene.Page;
        var chip = Chip(page, scene.Id);
        const string widths = "() => [document.documentElement.scrollWidth, window.innerWidth, window.scrollX]";

        // Far to the right, past the last column and the screen's edge.
        await DragAsync(page, chip, Middle, 600, 30, async () =>
        {
            var during = await page.EvaluateAsync<int[]>(widths);
            Assert.True(during[0] <= during[1] && during[2] == 0, $"while dragging the page is {during[0]} px wide in {during[1]}, scrolled {during[2]}");
            await Assertions.Expect(chip).ToHaveClassAsync(new System.Text.RegularExpressions.Regex("cal-dragging"));
            await page.ScreenshotAsync("calendar-drag-phone");
        });

        await Assertions.Expect(Snackbar(page, "Moved “Coffee” to")).ToBeVisibleAsync();
        var after = await page.EvaluateAsync<int[]>(widths);
        Assert.True(after[0] <= after[1] && after[2] == 0, $"after the drop the page is {after[0]} px wide in {after[1]}, scrolled {after[2]}");
    }

    [Fact]
    public async Task WithoutAPointerAltArrowsMoveAFocusedEventAndAltShiftArrowsChangeItsEnd()
    {
        await using var scene = await OpenAsync("Keys", "Retro", Tomorrow.AddHours(14), "week");
        var (user, id, _, page) = scene;
        await Chip(page, id).FocusAsync();

        await page.Keyboard.PressAsync("Alt+ArrowDown");
        await Assertions.Expect(Snackbar(page, "Moved “Retro” to")).ToBeVisibleAsync();
        Assert.Equal(new JsonTimes(Tomorrow.AddHours(14).AddMinutes(15), Tomorrow.AddHours(15).AddMinutes(15)), await TimesAsync(user, id));

        // The chip keeps the focus across the re-render, so the keys can be pressed again.
        await Assertions.Expect(Chip(page, id)).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("Alt+ArrowRight");
        await Assertions.Expect(Chip(page, id)).ToHaveAttributeAsync("data-start", $"{Day(Tomorrow.AddDays(1))}T14:15:00Z");
        await Chip(page, id).FocusAsync();
        await page.Keyboard.PressAsync("Alt+Shift+ArrowDown");
        await Assertions.Expect(Snackbar(page, "Resized “Retro” to")).ToBeVisibleAsync();
        Assert.Equal(new JsonTimes(Tomorrow.AddDays(1).AddHours(14).AddMinutes(15), Tomorrow.AddDays(1).AddHours(15).AddMinutes(30)), await TimesAsync(user, id));
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/calendar\\?view=week")); // Alt+Arrow is not the browser's Back
    }

    /// <summary>A new user with one event at <paramref name="start"/> (UTC), signed in, on the calendar's <paramref name="view"/> of that day.</summary>
    private async Task<Scene> OpenAsync(string userName, string title, DateTime start, string view, int minutes = 60, int width = 1280)
    {
        var user = await fixture.App.CreateUserAsync(userName);
        var id = await user.CreateEventAsync(title, new DateTimeOffset(start, TimeSpan.Zero), minutes);
        var context = await fixture.NewContextAsync(width: width);
        await context.SignInAsync(user);
        var page = await context.OpenAsync($"/calendar?view={view}&date={Day(start)}");
        await Assertions.Expect(Chip(page, id)).ToBeVisibleAsync();
        // Keys pressed before the page's drag script listens would be lost (seen once in CI): wait for its sentinel.
        await Assertions.Expect(page.Locator("[data-drag-ready=true]")).ToHaveCountAsync(1);
        return new Scene(user, id, context, page);
    }

    private sealed record Scene(TestUser User, Guid Id, IBrowserContext Context, IPage Page) : IAsyncDisposable
    {
        public ValueTask DisposeAsync() => Context.DisposeAsync();
    }

    private static ILocator EditorDialogs(IPage page) => page.Locator(".mud-dialog").Filter(new() { Has = page.GetByTestId("event-form") });
}
