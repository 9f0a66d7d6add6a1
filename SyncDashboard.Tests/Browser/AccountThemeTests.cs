using Microsoft.Playwright;

namespace SyncDashboard.Tests.Browser;

/// <summary>
/// The sign-in and register pages are static (no circuit to ask the system), yet follow the system's dark mode unless
/// the user chose one (the sd-theme cookie), with readable text either way. Saved as screenshots to look at.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class AccountThemeTests(BrowserFixture fixture)
{
    [Theory]
    [InlineData(ColorScheme.Light, 1280)]
    [InlineData(ColorScheme.Dark, 1280)]
    [InlineData(ColorScheme.Light, 390)]
    [InlineData(ColorScheme.Dark, 390)]
    public async Task SignInAndRegisterFollowTheSystemsColorScheme(ColorScheme scheme, int width)
    {
        await using var context = await fixture.NewContextAsync(width: width, colorScheme: scheme);
        var suffix = $"{(width < 600 ? "phone" : "desktop")}-{scheme.ToString().ToLowerInvariant()}";

        foreach (var (path, name) in new[] { ("/account/login", "login"), ("/account/register", "register") })
        {
            var page = await context.NewPageAsync();
            await page.GotoAsync(path);
            await Assertions.Expect(page.Locator("form").Last).ToBeVisibleAsync();

            Assert.Equal(scheme == ColorScheme.Dark, await page.IsDarkAsync("body"));
            Assert.Equal(scheme == ColorScheme.Dark, await page.IsDarkAsync(".account-card"));
            await AssertReadableAsync(page, "h1");
            await AssertReadableAsync(page, ".stack label");
            await AssertReadableAsync(page, ".stack input");
            await AssertReadableAsync(page, "button[type=submit]");
            var widths = await page.EvaluateAsync<int[]>("() => [document.documentElement.scrollWidth, window.innerWidth]");
            Assert.True(widths[0] <= widths[1], $"{name} is {widths[0]} px wide in a {widths[1]} px window");
            await page.ScreenshotAsync($"account-{name}-{suffix}");
            await page.CloseAsync();
        }
    }

    [Theory]
    [InlineData("light", ColorScheme.Dark, false)]
    [InlineData("dark", ColorScheme.Light, true)]
    [InlineData("system", ColorScheme.Dark, true)]
    public async Task TheUsersOwnChoiceWinsOverTheSystem(string cookie, ColorScheme system, bool dark)
    {
        await using var context = await fixture.NewContextAsync(colorScheme: system);
        await context.AddCookiesAsync([new Cookie { Name = "sd-theme", Value = cookie, Url = fixture.App.BaseAddress.ToString() }]);
        var page = await context.NewPageAsync();
        await page.GotoAsync("/account/login");

        Assert.Equal(dark, await page.IsDarkAsync("body"));
        await AssertReadableAsync(page, "h1");
    }

    /// <summary>WCAG contrast of the element's text on the first opaque background behind it: at least 4.5:1.</summary>
    private static async Task AssertReadableAsync(IPage page, string selector)
    {
        var ratio = await page.EvalOnSelectorAsync<double>(selector, """
            e => {
                const rgb = s => s.match(/[\d.]+/g).map(Number);
                const lum = ([r, g, b]) => [r, g, b].map(v => { v /= 255; return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; })
                    .reduce((sum, v, i) => sum + v * [0.2126, 0.7152, 0.0722][i], 0);
                let bg = e;
                while (bg && (rgb(getComputedStyle(bg).backgroundColor)[3] === 0 || getComputedStyle(bg).backgroundColor === 'transparent')) bg = bg.parentElement;
                const back = lum(rgb(getComputedStyle(bg ?? document.body).backgroundColor));
                const fore = lum(rgb(getComputedStyle(e).color));
                return (Math.max(back, fore) + 0.05) / (Math.min(back, fore) + 0.05);
            }
            """);
        Assert.True(ratio >= 4.5, $"{selector} has a contrast of {ratio:F2}:1");
    }
}
