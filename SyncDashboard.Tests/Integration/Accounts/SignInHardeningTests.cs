using System.Net;
using SyncDashboard.Tests.Infrastructure;

namespace SyncDashboard.Tests.Integration.Accounts;

/// <summary>Password policy, redirects that carry no user input, and sign-out that really ends the session.</summary>
[Collection(AppCollection.Name)]
public sealed class SignInHardeningTests(AppFixture fixture)
{
    private readonly AppHost _app = fixture.App;

    [Theory]
    [InlineData("        ")]
    [InlineData("password")]
    [InlineData("12345678")]
    [InlineData("aaaaaaaaaaaa")]
    public async Task RegistrationRefusesBlankAndCommonPasswords(string password)
    {
        using var browser = _app.CreateClient();
        var response = await BrowserlessSignIn.PostFormAsync(browser, "/account/register", "/account/register", new()
        {
            ["Email"] = $"weak-{Guid.NewGuid():N}@example.test", ["Password"] = password,
        });
        Assert.StartsWith("/account/register?error=", response.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.Unauthorized, (await browser.GetAsync("/api/events")).StatusCode);
    }

    [Fact]
    public async Task FailedSignInDoesNotEchoTheEmailIntoTheRedirect()
    {
        using var browser = _app.CreateClient();
        var email = new string('a', 100_000) + "@example.test";
        var response = await BrowserlessSignIn.PostFormAsync(browser, "/account/login", "/account/login", new()
        {
            ["Email"] = email, ["Password"] = "wrong password",
        });
        Assert.Equal("/account/login?error=invalid", response.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task FailedRegistrationDoesNotEchoTheEmailOrTimeZoneIntoTheRedirect()
    {
        using var browser = _app.CreateClient();
        var response = await BrowserlessSignIn.PostFormAsync(browser, "/account/register", "/account/register", new()
        {
            ["Email"] = "not-an-address-" + new string('x', 5_000), ["Password"] = "long enough", ["TimeZone"] = new string('z', 5_000),
        });
        var location = response.Headers.Location!.OriginalString;
        Assert.StartsWith("/account/register?error=", location);
        Assert.DoesNotContain("xxxx", location);
        Assert.DoesNotContain("zzzz", location);
    }

    [Theory]
    [InlineData("/account/login")]
    [InlineData("/account/demo")]
    public async Task ReturnUrlWithAControlCharacterFallsBackToTheHomePage(string action)
    {
        var user = await _app.CreateUserAsync();
        using var browser = _app.CreateClient();
        var response = await BrowserlessSignIn.PostFormAsync(browser, "/account/login", action, new()
        {
            ["Email"] = user.Email, ["Password"] = TestUser.Password, ["ReturnUrl"] = "/calendar\u0001\r\nX-Evil: 1",
        });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/", response.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/api/events")).StatusCode);
    }

    [Fact]
    public async Task SignInPageWithAControlCharacterInReturnUrlStillRenders()
    {
        using var browser = _app.CreateClient();
        var response = await browser.GetAsync("/account/login?ReturnUrl=%2Fcalendar%01%0D%0A&minutes=not-a-number&error=locked");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("value=\"/\"", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task SignOutWithoutAntiforgeryTokenIsRefusedAndKeepsTheSession()
    {
        using var browser = await SignedInBrowserAsync();
        var response = await browser.PostAsync("/account/logout", new FormUrlEncodedContent(new Dictionary<string, string>()));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/api/events")).StatusCode);
    }

    [Fact]
    public async Task CookieSavedBeforeSignOutIsRefusedAfterIt()
    {
        var cookies = new CookieContainer();
        using var browser = await SignedInBrowserAsync(cookies);
        var saved = cookies.GetCookieHeader(_app.BaseAddress);

        // The layout's sign-out form, token included, as the browser posts it.
        var signOut = await BrowserlessSignIn.PostFormAsync(browser, "/", "/account/logout", new());
        Assert.Equal("/account/login", signOut.Headers.Location!.OriginalString);

        using var replay = new HttpClient(new HttpClientHandler { UseCookies = false, AllowAutoRedirect = false }) { BaseAddress = _app.BaseAddress };
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/events");
        request.Headers.Add("Cookie", saved);
        Assert.Equal(HttpStatusCode.Unauthorized, (await replay.SendAsync(request)).StatusCode);
    }

    private async Task<HttpClient> SignedInBrowserAsync(CookieContainer? cookies = null)
    {
        var user = await _app.CreateUserAsync();
        var browser = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, CookieContainer = cookies ?? new() }) { BaseAddress = _app.BaseAddress };
        var response = await BrowserlessSignIn.PostFormAsync(browser, "/account/login", "/account/login", new()
        {
            ["Email"] = user.Email, ["Password"] = TestUser.Password,
        });
        Assert.Equal("/", response.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/api/events")).StatusCode);
        return browser;
    }
}
