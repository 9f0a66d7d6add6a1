using Microsoft.Playwright;
using SyncDashboard.Tests.Infrastructure;

namespace SyncDashboard.Tests.Browser;

[Collection(BrowserCollection.Name)]
public sealed class SignInTests(BrowserFixture fixture)
{
    [Fact]
    public async Task DemoButtonSignsInToADashboardWithTheNextEventAndUpcomingItems()
    {
        await using var context = await fixture.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.GotoAsync("/account/login");
        await page.ScreenshotAsync("login");

        await page.ClickAsync("[data-testid=demo-login]");
        await page.WaitForPathAsync("/");
        await page.WaitForInteractiveAsync();

        var title = page.Locator("[data-testid=next-event] [data-testid=next-event-title]");
        await Assertions.Expect(title).ToHaveTextAsync(new System.Text.RegularExpressions.Regex(@"\S"));
        await Assertions.Expect(page.GetByTestId("next-event-countdown")).ToBeVisibleAsync();
        Assert.True(await page.Locator("[data-testid=upcoming] [data-testid=upcoming-item]").CountAsync() >= 3);
        // The demo's offsite is all day for two days: its label is its span, in the browser's culture (en-US here).
        var offsite = page.Locator("[data-testid=upcoming-item]").Filter(new() { HasText = "Company offsite" });
        await Assertions.Expect(offsite.Locator(".event-time")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex(@"^(Mon|Tue|Wed|Thu|Fri|Sat|Sun), [A-Z][a-z]{2} \d{1,2} – (Mon|Tue|Wed|Thu|Fri|Sat|Sun), [A-Z][a-z]{2} \d{1,2}$"));
        await Assertions.Expect(page.GetByTestId("sync-status")).ToBeVisibleAsync();
        await page.ScreenshotAsync("dashboard");
    }

    [Fact]
    public async Task EmailAndPasswordSignInLandsOnTheUsersDashboard()
    {
        var user = await fixture.App.CreateUserAsync("Ada");
        await using var context = await fixture.NewContextAsync();
        var page = await context.SignInAsync(user);

        await Assertions.Expect(page.Locator("h1")).ToContainTextAsync("Ada");
        await Assertions.Expect(page.GetByTestId("next-event")).ToContainTextAsync("Nothing in the next 7 days — create an event");
        await Assertions.Expect(page.GetByTestId("upcoming")).ToContainTextAsync("Nothing in the next 7 days");
        await Assertions.Expect(page.GetByTestId("sync-status").GetByTestId("connect-google-cta")).ToBeVisibleAsync();
    }

    [Fact]
    public async Task WrongPasswordShowsTheErrorAndStaysSignedOut()
    {
        var user = await fixture.App.CreateUserAsync();
        await using var context = await fixture.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.GotoAsync("/account/login");
        await page.FillAsync("input[name=Email]", user.Email);
        await page.FillAsync("input[name=Password]", "not the password");
        await page.ClickAsync("[data-testid=login]");

        await Assertions.Expect(page.Locator(".alert-error")).ToHaveTextAsync("The e-mail or password is not right.");
        Assert.Equal("/account/login", new Uri(page.Url).AbsolutePath);
        var api = await page.APIRequest.GetAsync("/api/events");
        Assert.Equal(401, api.Status);
    }

    [Fact]
    public async Task RegisteringInTheBrowserSignsInWithTheBrowsersTimeZone()
    {
        // Not UTC, the server's default: only the page's script can have sent it.
        await using var context = await fixture.NewContextAsync("America/Chicago");
        var page = await context.NewPageAsync();
        await page.GotoAsync("/account/register");
        await page.ScreenshotAsync("register");

        await page.FillAsync("input[name=DisplayName]", "Grace");
        await page.FillAsync("input[name=Email]", $"grace-{Guid.NewGuid():N}@example.test");
        await page.FillAsync("input[name=Password]", "long enough password");
        await page.ClickAsync("[data-testid=register]");
        await page.WaitForPathAsync("/");
        await page.WaitForInteractiveAsync();

        await Assertions.Expect(page.Locator("h1")).ToContainTextAsync("Grace");
        await page.GotoAsync("/settings");
        await page.WaitForInteractiveAsync();
        await Assertions.Expect(page.GetByTestId("time-zone")).ToHaveValueAsync("America/Chicago");
    }

    [Fact]
    public async Task SigningOutInOneTabSignsOutTheOtherOpenTabs()
    {
        var user = await fixture.App.CreateUserAsync("tabs");
        await using var context = await fixture.NewContextAsync();
        var first = await context.SignInAsync(user);
        var second = await context.OpenAsync("/settings");

        await first.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
        await Assertions.Expect(first).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/account/login"));

        // The other tab's circuit was signed in when it opened; nobody touches it, and it goes to the sign-in form
        // (the address polled, not the load event, which a busy machine can hold back).
        await Assertions.Expect(second).ToHaveURLAsync(new System.Text.RegularExpressions.Regex(@"/account/login\?returnUrl=%2Fsettings$"),
            new() { Timeout = 20_000 });
        Assert.Equal("/settings", System.Web.HttpUtility.ParseQueryString(new Uri(second.Url).Query)["returnUrl"]);
        var api = await second.APIRequest.GetAsync("/api/events");
        Assert.Equal(401, api.Status);
    }
}
