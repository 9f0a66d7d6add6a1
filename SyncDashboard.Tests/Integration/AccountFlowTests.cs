using System.Net;
using SyncDashboard.Tests.Infrastructure;

namespace SyncDashboard.Tests.Integration;

[Collection(AppCollection.Name)]
public sealed class AccountFlowTests(AppFixture fixture)
{
    private readonly AppHost _app = fixture.App;

    [Fact]
    public async Task RegisterThenUseTheCookieForTheApi()
    {
        using var browser = _app.CreateClient();
        var email = $"new-{Guid.NewGuid():N}@example.test";
        var response = await BrowserlessSignIn.PostFormAsync(browser, "/account/register", "/account/register", new()
        {
            ["Email"] = email, ["Password"] = "long enough", ["DisplayName"] = "Newcomer", ["TimeZone"] = "Europe/Berlin",
        });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/", response.Headers.Location!.OriginalString);
        var upcoming = await browser.GetAsync("/api/calendar/upcoming?days=7");
        Assert.Equal(HttpStatusCode.OK, upcoming.StatusCode);
        var body = await upcoming.ReadJsonAsync();
        Assert.False(body.GetProperty("connected").GetBoolean());
    }

    [Fact]
    public async Task WrongPasswordRedirectsBackWithAnErrorAndNoCookie()
    {
        var user = await _app.CreateUserAsync();
        using var browser = _app.CreateClient();
        var response = await BrowserlessSignIn.PostFormAsync(browser, "/account/login", "/account/login", new()
        {
            ["Email"] = user.Email, ["Password"] = "wrong password",
        });
        Assert.StartsWith("/account/login?error=invalid", response.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.Unauthorized, (await browser.GetAsync("/api/events")).StatusCode);
    }

    [Fact]
    public async Task LoginWithoutAntiforgeryTokenIsRefused()
    {
        var user = await _app.CreateUserAsync();
        using var browser = _app.CreateClient();
        var response = await browser.PostAsync("/account/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Email"] = user.Email, ["Password"] = TestUser.Password,
        }));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await browser.GetAsync("/api/events")).StatusCode);
    }

    [Fact]
    public async Task LoginRefusesToRedirectOffSite()
    {
        var user = await _app.CreateUserAsync();
        using var browser = _app.CreateClient();
        var response = await BrowserlessSignIn.PostFormAsync(browser, "/account/login", "/account/login", new()
        {
            ["Email"] = user.Email, ["Password"] = TestUser.Password, ["ReturnUrl"] = "//evil.example/phish",
        });
        Assert.Equal("/", response.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task DuplicateRegistrationIsRefusedWithAMessage()
    {
        var user = await _app.CreateUserAsync();
        using var browser = _app.CreateClient();
        var response = await BrowserlessSignIn.PostFormAsync(browser, "/account/register", "/account/register", new()
        {
            ["Email"] = user.Email, ["Password"] = "long enough",
        });
        Assert.Contains("already%20exists", response.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task DemoSignInWorksInDemoMode()
    {
        using var browser = _app.CreateClient();
        var response = await BrowserlessSignIn.PostFormAsync(browser, "/account/login", "/account/demo", new());
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var upcoming = await (await browser.GetAsync("/api/calendar/upcoming?days=7&maxResults=50")).ReadJsonAsync();
        Assert.True(upcoming.GetProperty("events").GetArrayLength() >= 5, "the demo week has sample events");
    }
}
