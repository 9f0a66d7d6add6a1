using Microsoft.Playwright;
using SyncDashboard.Tests.Infrastructure;

namespace SyncDashboard.Tests.Browser;

/// <summary>The app's frame: navigation that fits a phone, and light or dark as the user (or their system) wants.</summary>
[Collection(BrowserCollection.Name)]
public sealed class LayoutTests(BrowserFixture fixture)
{
    private static readonly string[] Pages = ["/", "/calendar", "/settings"];

    [Fact]
    public async Task OnA390PixelPhoneNoPageScrollsSidewaysAndTheMenuOpensTheNavigation()
    {
        var user = await fixture.App.CreateUserAsync("phone");
        await using var context = await fixture.NewContextAsync(width: 390);
        var page = await context.SignInAsync(user);
        foreach (var path in Pages)
        {
            if (path != "/") { await page.GotoAsync(path); await page.WaitForInteractiveAsync(); }
            await page.ScreenshotAsync($"phone{path.Replace('/', '-').TrimEnd('-')}-light");
            var (scroll, inner) = await Widths(page);
            Assert.True(scroll <= inner, $"{path} is {scroll} px wide in a {inner} px window: {await WiderThanTheWindowAsync(page)}");
        }

        var settingsLink = page.GetByTestId("nav-drawer").GetByRole(AriaRole.Link, new() { Name = "Settings" });
        await Assertions.Expect(settingsLink).Not.ToBeInViewportAsync();
        await page.GetByTestId("menu-button").ClickAsync();
        await Assertions.Expect(settingsLink).ToBeInViewportAsync();
        await page.GetByTestId("nav-drawer").GetByRole(AriaRole.Link, new() { Name = "Calendar" }).ClickAsync();
        await page.WaitForURLAsync("**/calendar");
    }

    [Fact]
    public async Task DarkModeIsChosenRememberedAndShownOnTheSignInPageToo()
    {
        var user = await fixture.App.CreateUserAsync("dark");
        await using var context = await fixture.NewContextAsync();
        var page = await context.SignInAsync(user);
        Assert.False(await IsDarkAsync(page));

        await page.GetByTestId("theme-menu").ClickAsync();
        await page.GetByTestId("theme-dark").ClickAsync();
        await Eventually.TrueAsync(() => IsDarkAsync(page), "the page turned dark");
        await page.ScreenshotAsync("dashboard-dark");

        // Remembered: a new page load starts dark, and so does the static sign-in page after signing out.
        await page.ReloadAsync();
        await page.WaitForInteractiveAsync();
        Assert.True(await IsDarkAsync(page));
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
        await page.WaitForURLAsync(url => new Uri(url).AbsolutePath == "/account/login");
        Assert.True(await IsDarkAsync(page));
        await page.ScreenshotAsync("login-dark");
    }

    [Fact]
    public async Task WithNoChoiceTheAppFollowsTheSystemsDarkMode()
    {
        var user = await fixture.App.CreateUserAsync("system");
        await using var context = await fixture.NewContextAsync(colorScheme: ColorScheme.Dark);
        var page = await context.SignInAsync(user);
        await Eventually.TrueAsync(() => IsDarkAsync(page), "the page follows the system's dark mode");

        await page.GetByTestId("theme-menu").ClickAsync();
        await page.GetByTestId("theme-light").ClickAsync();
        await Eventually.TrueAsync(async () => !await IsDarkAsync(page), "the user's light choice wins over the system");
    }

    private static async Task<(int Scroll, int Inner)> Widths(IPage page)
    {
        var widths = await page.EvaluateAsync<int[]>("() => [document.documentElement.scrollWidth, window.innerWidth]");
        return (widths[0], widths[1]);
    }

    private static Task<string> WiderThanTheWindowAsync(IPage page) => page.EvaluateAsync<string>("""
        () => [...document.querySelectorAll('body *')].filter(e => e.getBoundingClientRect().right > window.innerWidth + 1).slice(0, 5)
            .map(e => `${e.tagName.toLowerCase()}.${e.className} (${Math.round(e.getBoundingClientRect().right)} px)`).join(', ')
        """);

    /// <summary>Dark when the page background the theme paints is dark (its luminance below the middle).</summary>
    private static Task<bool> IsDarkAsync(IPage page) => page.IsDarkAsync("body");
}
