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
            Assert.True(scroll <= inner, $"{path} is {scroll} px wide in a {inner} px window: {await page.WiderThanTheWindowAsync()}");
        }

        var settingsLink = page.GetByTestId("nav-drawer").GetByRole(AriaRole.Link, new() { Name = "Settings" });
        await Assertions.Expect(settingsLink).Not.ToBeInViewportAsync();
        await page.GetByTestId("menu-button").ClickAsync();
        await Assertions.Expect(settingsLink).ToBeInViewportAsync();
        await page.GetByTestId("nav-drawer").GetByRole(AriaRole.Link, new() { Name = "Calendar" }).ClickAsync();
        await page.WaitForPathAsync("/calendar");
    }

    [Fact]
    public async Task DarkModeIsChosenRememberedAndShownOnTheSignInPageToo()
    {
        var user = await fixture.App.CreateUserAsync("dark");
        await using var context = await fixture.NewContextAsync();
        var page = await context.SignInAsync(user);
        Assert.False(await page.IsDarkAsync());

        await page.GetByTestId("theme-menu").ClickAsync();
        await page.GetByTestId("theme-dark").ClickAsync();
        await Eventually.TrueAsync(() => page.IsDarkAsync(), "the page turned dark");
        await page.ScreenshotAsync("dashboard-dark");

        // Remembered: a new page load starts dark, and so does the static sign-in page after signing out.
        await page.ReloadAsync();
        await page.WaitForInteractiveAsync();
        Assert.True(await page.IsDarkAsync());
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
        await page.WaitForAddressAsync(@"/account/login(\?|$)");
        Assert.True(await page.IsDarkAsync());
        await page.ScreenshotAsync("login-dark");
    }

    [Fact]
    public async Task WithNoChoiceTheAppFollowsTheSystemsDarkMode()
    {
        var user = await fixture.App.CreateUserAsync("system");
        await using var context = await fixture.NewContextAsync(colorScheme: ColorScheme.Dark);
        var page = await context.SignInAsync(user);
        await Eventually.TrueAsync(() => page.IsDarkAsync(), "the page follows the system's dark mode");

        await page.GetByTestId("theme-menu").ClickAsync();
        await page.GetByTestId("theme-light").ClickAsync();
        await Eventually.TrueAsync(async () => !await page.IsDarkAsync(), "the user's light choice wins over the system");
    }

    private static async Task<(int Scroll, int Inner)> Widths(IPage page)
    {
        var widths = await page.EvaluateAsync<int[]>("() => [document.documentElement.scrollWidth, window.innerWidth]");
        return (widths[0], widths[1]);
    }
}
