using System.Diagnostics;
using System.Net;
using SyncDashboard.Tests.Infrastructure;

namespace SyncDashboard.Tests.Integration.Accounts;

/// <summary>
/// Lockout, rate limits and timing. Each test runs a host of its own with small limits, so the shared app other
/// tests sign in to is never throttled.
/// </summary>
public sealed class BruteForceTests
{
    [Fact]
    public async Task RepeatedWrongPasswordsLockTheAddressSoEvenTheRightPasswordWaits()
    {
        await using var app = await AppHost.StartAsync(new Dictionary<string, string?> { ["Accounts:MaxFailedSignIns"] = "3" });
        var user = await app.CreateUserAsync();
        using var browser = app.CreateClient();
        for (var i = 0; i < 3; i++)
            Assert.StartsWith("/account/login?error=", (await SignInAsync(browser, user.Email, "wrong password")).OriginalString);

        var right = await SignInAsync(browser, user.Email, TestUser.Password);
        Assert.StartsWith("/account/login?error=locked", right.OriginalString);
        Assert.Equal(HttpStatusCode.Unauthorized, (await browser.GetAsync("/api/events")).StatusCode);

        // Another address from the same client is not affected: the lockout is per address.
        var other = await app.CreateUserAsync();
        Assert.Equal("/", (await SignInAsync(browser, other.Email, TestUser.Password)).OriginalString);
    }

    [Fact]
    public async Task AnUnknownAddressLocksWithTheSameWordingAsAKnownOne()
    {
        await using var app = await AppHost.StartAsync(new Dictionary<string, string?> { ["Accounts:MaxFailedSignIns"] = "2" });
        var known = await app.CreateUserAsync();
        using var browser = app.CreateClient();
        var answers = new List<string>();
        foreach (var email in new[] { known.Email, $"nobody-{Guid.NewGuid():N}@example.test" })
        {
            for (var i = 0; i < 3; i++) answers.Add((await SignInAsync(browser, email, "wrong password")).OriginalString);
        }
        Assert.Equal(answers[..3], answers[3..]);
        Assert.StartsWith("/account/login?error=locked", answers[2]);
    }

    [Fact]
    public async Task SignInPostsBeyondThePerClientLimitGet429WithRetryAfter()
    {
        await using var app = await AppHost.StartAsync(new Dictionary<string, string?> { ["Accounts:SignInRequestsPerMinute"] = "5" });
        using var browser = app.CreateClient();
        var token = await BrowserlessSignIn.AntiforgeryTokenAsync(browser, "/account/login");
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 6; i++)
        {
            // A different address each time: spraying addresses must not get round the limit.
            var response = await browser.PostAsync("/account/login", Form(token, $"spray-{i}@example.test", "wrong password"));
            statuses.Add(response.StatusCode);
            if (response.StatusCode == HttpStatusCode.TooManyRequests) Assert.NotNull(response.Headers.RetryAfter);
        }
        Assert.Equal([.. Enumerable.Repeat(HttpStatusCode.Redirect, 5), HttpStatusCode.TooManyRequests], statuses);
    }

    [Fact]
    public async Task RepeatedUnknownApiTokensFromOneClientGet429WithRetryAfterEvenForAGoodToken()
    {
        await using var app = await AppHost.StartAsync(new Dictionary<string, string?> { ["Accounts:MaxFailedApiTokens"] = "5" });
        var user = await app.CreateUserAsync();
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 6; i++)
        {
            using var guesser = app.CreateClient("sdt_" + Convert.ToHexStringLower(Guid.NewGuid().ToByteArray()));
            statuses.Add((await guesser.GetAsync("/api/events")).StatusCode);
        }
        Assert.Equal([.. Enumerable.Repeat(HttpStatusCode.Unauthorized, 5), HttpStatusCode.TooManyRequests], statuses);

        // The block is per client, so the right token from the same address waits too.
        var blocked = await user.Api.GetAsync("/api/events");
        Assert.Equal(HttpStatusCode.TooManyRequests, blocked.StatusCode);
        Assert.True(blocked.Headers.RetryAfter?.Delta > TimeSpan.Zero, "Retry-After says how long to wait");
    }

    [Fact]
    public async Task UnknownAddressesTakeAsLongToRefuseAsKnownOnes()
    {
        // Limits out of the way: this test measures the password check itself.
        await using var app = await AppHost.StartAsync(new Dictionary<string, string?>
        {
            ["Accounts:MaxFailedSignIns"] = "1000", ["Accounts:SignInRequestsPerMinute"] = "1000",
        });
        var known = await app.CreateUserAsync();
        using var browser = app.CreateClient();
        var token = await BrowserlessSignIn.AntiforgeryTokenAsync(browser, "/account/login");
        var knownTimes = new List<double>();
        var unknownTimes = new List<double>();
        await TimeAsync(known.Email);
        for (var i = 0; i < 20; i++)
        {
            // Interleaved, so drift in machine load falls on both sides alike.
            knownTimes.Add(await TimeAsync(known.Email));
            unknownTimes.Add(await TimeAsync($"nobody-{Guid.NewGuid():N}@example.test"));
        }
        var (knownMedian, unknownMedian) = (Median(knownTimes), Median(unknownTimes));
        Assert.True(unknownMedian >= 0.5 * knownMedian,
            $"an unknown address was refused in {unknownMedian:F1} ms, a known one in {knownMedian:F1} ms");

        async Task<double> TimeAsync(string email)
        {
            var watch = Stopwatch.StartNew();
            var response = await browser.PostAsync("/account/login", Form(token, email, "wrong password"));
            watch.Stop();
            Assert.StartsWith("/account/login?error=invalid", response.Headers.Location!.OriginalString);
            return watch.Elapsed.TotalMilliseconds;
        }
    }

    private static double Median(List<double> values) => values.Order().ElementAt(values.Count / 2);

    private static FormUrlEncodedContent Form(string antiforgery, string email, string password) => new(new Dictionary<string, string>
    {
        ["__RequestVerificationToken"] = antiforgery, ["Email"] = email, ["Password"] = password,
    });

    private static async Task<Uri> SignInAsync(HttpClient browser, string email, string password) =>
        (await BrowserlessSignIn.PostFormAsync(browser, "/account/login", "/account/login", new()
        {
            ["Email"] = email, ["Password"] = password,
        })).Headers.Location!;
}
