using System.Globalization;
using System.Text.Json;
using Microsoft.Playwright;
using SyncDashboard.Tests.Infrastructure;

namespace SyncDashboard.Tests.Browser;

/// <summary>Shared steps of the browser tests: contexts, sign-in, waiting for Blazor interactivity, screenshots, API calls.</summary>
public static class Ui
{
    /// <summary>First loads JIT the app and the circuit; later waits are quick but the machine has two cores.</summary>
    public const float Timeout = 15_000;

    public static string ScreenshotDirectory { get; } = Path.Combine(AppContext.BaseDirectory, "screenshots");

    /// <summary>A fresh cookie jar in UTC (or <paramref name="timeZone"/>) with a fixed locale, so what the page shows does not depend on the machine.</summary>
    /// <param name="width">Viewport width: 1280 for a desktop, 390 for a phone.</param>
    /// <param name="colorScheme">What the system prefers, light or dark.</param>
    public static async Task<IBrowserContext> NewContextAsync(this BrowserFixture fixture, string timeZone = "UTC", int width = 1280,
        ColorScheme colorScheme = ColorScheme.Light)
    {
        var context = await fixture.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = fixture.App.BaseAddress.ToString(),
            TimezoneId = timeZone,
            Locale = "en-US",
            ViewportSize = new ViewportSize { Width = width, Height = width < 600 ? 844 : 900 },
            ColorScheme = colorScheme,
        });
        context.SetDefaultTimeout(Timeout);
        return context;
    }

    /// <summary>Signs in through the login form and lands on the dashboard, interactive.</summary>
    public static async Task<IPage> SignInAsync(this IBrowserContext context, TestUser user)
    {
        var page = await context.NewPageAsync();
        await page.GotoAsync("/account/login");
        await page.FillAsync("input[name=Email]", user.Email);
        await page.FillAsync("input[name=Password]", TestUser.Password);
        await page.ClickAsync("[data-testid=login]");
        // Wait for the redirect to land, not for every sub-resource's load event (slow on a cold first run);
        // being interactive is what the tests need, and WaitForInteractiveAsync checks exactly that.
        await page.WaitForPathAsync("/");
        await page.WaitForInteractiveAsync();
        return page;
    }

    /// <summary>
    /// Waits until the page's address is <paramref name="pathAndFragment"/> (e.g. "/settings#notion"), polling it. Playwright's
    /// WaitForURL with WaitUntil=Commit hangs when the address already matches as it is called (it then waits for a
    /// "commit" that has passed): seen as 15 s timeouts in clean-clone CI runs after a fast redirect.
    /// </summary>
    public static Task WaitForPathAsync(this IPage page, string pathAndFragment) =>
        Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex(
            "^https?://[^/]+" + System.Text.RegularExpressions.Regex.Escape(pathAndFragment) + "$"));

    /// <summary>Waits, polling, until the page's address matches <paramref name="pattern"/> (a regular expression), as <see cref="WaitForPathAsync"/> does for an exact path.</summary>
    public static Task WaitForAddressAsync(this IPage page, string pattern) =>
        Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex(pattern));

    /// <summary>Opens a page of the app in a new tab of an already signed-in context and waits until it is live.</summary>
    public static async Task<IPage> OpenAsync(this IBrowserContext context, string path)
    {
        var page = await context.NewPageAsync();
        // Not the load event, which a cold, busy machine once took over 15 s to fire for a second tab: being
        // interactive is what the tests need, and WaitForInteractiveAsync checks exactly that.
        await page.GotoAsync(path, new() { WaitUntil = WaitUntilState.DOMContentLoaded });
        await page.WaitForInteractiveAsync();
        return page;
    }

    /// <summary>
    /// Pages render statically first and become interactive once the circuit is up. The router's FocusOnNavigate
    /// then gives the page's h1 tabindex=-1 — after the first interactive render, in the same after-render pass in
    /// which live pages subscribe to calendar changes. So this selector means "interactive and listening".
    /// </summary>
    public static Task WaitForInteractiveAsync(this IPage page) =>
        page.Locator("h1[tabindex='-1']").WaitForAsync(new() { Timeout = Timeout });

    /// <summary>
    /// Clicks until <paramref name="appears"/> shows. A click that lands while the scheduler re-renders (after a save
    /// the page reloads its data, and the push of that same change reloads it again) can hit a replaced node and be lost.
    /// </summary>
    public static async Task ClickUntilVisibleAsync(this ILocator target, ILocator appears, int attempts = 3)
    {
        for (var attempt = 1; ; attempt++)
        {
            // A retry must not click through an already open dialog's overlay, so look first and click briefly.
            if (attempt > 1 && await appears.IsVisibleAsync()) return;
            try
            {
                await target.ClickAsync(attempt == 1 ? null : new() { Timeout = 3_000 });
                await appears.WaitForAsync(new() { State = WaitForSelectorState.Visible, Timeout = 3_000 });
                return;
            }
            catch (System.TimeoutException) when (attempt < attempts) { }
        }
    }

    public static async Task ScreenshotAsync(this IPage page, string name)
    {
        Directory.CreateDirectory(ScreenshotDirectory);
        await page.ScreenshotAsync(new PageScreenshotOptions
        {
            Path = Path.Combine(ScreenshotDirectory, name + ".png"),
            FullPage = true,
            Animations = ScreenshotAnimations.Disabled, // dialogs and snackbars fade in; show them as they end up
        });
    }

    /// <summary>Whether the element's background (the page's by default) is dark by its luminance, as a person would call it.</summary>
    public static Task<bool> IsDarkAsync(this IPage page, string selector = "body") => page.EvalOnSelectorAsync<bool>(selector, """
        e => {
            const [r, g, b] = getComputedStyle(e).backgroundColor.match(/\d+/g).map(Number);
            return 0.2126 * r + 0.7152 * g + 0.0722 * b < 128;
        }
        """);

    /// <summary>The first few elements reaching past the window's right edge, to name in a failure.</summary>
    public static Task<string> WiderThanTheWindowAsync(this IPage page) => page.EvaluateAsync<string>("""
        () => [...document.querySelectorAll('body *')].filter(e => e.getBoundingClientRect().right > window.innerWidth + 1).slice(0, 5)
            .map(e => `${e.tagName.toLowerCase()}.${e.className} (${Math.round(e.getBoundingClientRect().right)} px)`).join(', ')
        """);

    public static ILocator UpcomingItem(this IPage page, Guid eventId) =>
        page.Locator($"[data-testid=upcoming-item][data-event-id='{eventId}']");

    /// <summary>An event on the calendar, in any view, by (part of) its title.</summary>
    public static ILocator CalendarEvent(this IPage page, string title) =>
        page.Locator("[data-testid=calendar-event]").Filter(new() { HasText = title });

    /// <summary>The value a datetime-local input takes.</summary>
    public static string LocalInput(DateTime local) => local.ToString("yyyy-MM-dd'T'HH:mm", CultureInfo.InvariantCulture);

    public static async Task<Guid> CreateEventAsync(this TestUser user, string title, DateTimeOffset start, int minutes = 60, string? location = null)
    {
        var response = await user.Api.PostJsonAsync("/api/events", new { title, start, end = start.AddMinutes(minutes), location });
        response.EnsureSuccessStatusCode();
        return (await response.ReadJsonAsync()).GetProperty("id").GetGuid();
    }

    /// <summary>The user's events overlapping [from, to), through the REST API.</summary>
    public static async Task<List<JsonElement>> ListEventsAsync(this TestUser user, DateTimeOffset from, DateTimeOffset to)
    {
        var url = $"/api/events?from={Uri.EscapeDataString(from.ToString("O"))}&to={Uri.EscapeDataString(to.ToString("O"))}";
        var response = await user.Api.GetAsync(url);
        response.EnsureSuccessStatusCode();
        return (await response.ReadJsonAsync()).EnumerateArray().ToList();
    }

    /// <summary>Marks the pages' windows; a reload would lose the mark.</summary>
    public static async Task MarkNoReloadAsync(params IPage[] pages)
    {
        foreach (var page in pages) await page.EvaluateAsync("() => window.__notReloaded = true");
    }

    public static async Task AssertNotReloadedAsync(params IPage[] pages)
    {
        foreach (var page in pages) Assert.True(await page.EvaluateAsync<bool>("() => window.__notReloaded === true"), $"{page.Url} was reloaded");
    }
}
