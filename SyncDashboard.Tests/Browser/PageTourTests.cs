using Microsoft.Playwright;
using SyncDashboard.Core.Domain;
using SyncDashboard.Tests.Infrastructure;
using SyncDashboard.Tests.Integration.Google;
using SyncDashboard.Tests.Integration.Notion;

namespace SyncDashboard.Tests.Browser;

/// <summary>
/// Every page a person can reach, light and dark, desktop and a 390 px phone, saved as screenshots to look at
/// (<c>tour-{page}-{phone|desktop}-{light|dark}.png</c>; the calendar's views are <see cref="CalendarScreenshotTests"/>).
/// Each page must fit the window's width, and the app's own pages must follow the system's light or dark.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class PageTourTests(BrowserFixture fixture)
{
    private sealed record Stop(string Name, string Path, bool FollowsTheme = true);

    /// <summary>Opened directly, as from a bookmark; the pickers then have no consent to finish and must say so kindly.</summary>
    private static readonly Stop[] SignedIn =
    [
        new("dashboard", "/"),
        new("settings", "/settings"),
        new("conflicts", "/conflicts"),
        new("settings-google-direct", "/settings/google"),
        new("settings-notion-direct", "/settings/notion"),
        // The emulated sides stand in for Google's and Notion's own sites: their look is theirs, not ours.
        new("google-side", "/emulator/google/", FollowsTheme: false),
        new("notion-side", "/emulator/notion/", FollowsTheme: false),
    ];

    private static readonly Stop[] SignedOut = [new("sign-in", "/account/login"), new("register", "/account/register")];

    [Theory]
    [InlineData(ColorScheme.Light, 1280)]
    [InlineData(ColorScheme.Dark, 1280)]
    [InlineData(ColorScheme.Light, 390)]
    [InlineData(ColorScheme.Dark, 390)]
    public async Task EveryPageFitsTheWindowAndFollowsLightOrDark(ColorScheme scheme, int width)
    {
        var suffix = $"{(width < 600 ? "phone" : "desktop")}-{scheme.ToString().ToLowerInvariant()}";
        var google = await fixture.App.ConnectGoogleAsync(SyncDirection.TwoWay);
        await fixture.App.ConnectNotionAsync(google.User);
        await google.User.CreateEventAsync("Planning", DateTimeOffset.UtcNow.Date.AddDays(1).AddHours(9));

        await using (var anonymous = await fixture.NewContextAsync(width: width, colorScheme: scheme))
        {
            var page = await anonymous.NewPageAsync();
            foreach (var stop in SignedOut)
            {
                await page.GotoAsync(stop.Path);
                await CheckAsync(page, stop, scheme, suffix);
            }
        }

        await using var context = await fixture.NewContextAsync(width: width, colorScheme: scheme);
        var signedIn = await context.SignInAsync(google.User);
        foreach (var stop in SignedIn)
        {
            await signedIn.GotoAsync(stop.Path, new() { WaitUntil = WaitUntilState.DOMContentLoaded });
            if (!stop.Path.StartsWith("/emulator/", StringComparison.Ordinal)) await signedIn.WaitForInteractiveAsync();
            await CheckAsync(signedIn, stop, scheme, suffix);
        }

        // The consent pages, reached the way a person reaches them: from Settings.
        await signedIn.GotoAsync("/settings");
        await signedIn.WaitForInteractiveAsync();
        await signedIn.GetByTestId("connect-google").ClickAsync();
        // The address, polled, and the consent's button: a cold CI run once waited 15 s for this page's load event.
        await signedIn.WaitForAddressAsync(@"/emulator/google/o/oauth2/v2/auth\?");
        await Assertions.Expect(signedIn.Locator("#allow")).ToBeVisibleAsync();
        await CheckAsync(signedIn, new("google-consent", "", FollowsTheme: false), scheme, suffix);
    }

    private static async Task CheckAsync(IPage page, Stop stop, ColorScheme scheme, string suffix)
    {
        if (stop.FollowsTheme)
        {
            await Eventually.TrueAsync(async () => await page.IsDarkAsync() == (scheme == ColorScheme.Dark),
                $"{stop.Name} follows the system's {scheme} mode");
        }
        var widths = await page.EvaluateAsync<int[]>("() => [document.documentElement.scrollWidth, window.innerWidth]");
        Assert.True(widths[0] <= widths[1], $"{stop.Name} is {widths[0]} px wide in a {widths[1]} px window: {await page.WiderThanTheWindowAsync()}");
        await page.ScreenshotAsync($"tour-{stop.Name}-{suffix}");
    }
}
