using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using SyncDashboard.Emulators.Google;
using SyncDashboard.Tests.Infrastructure;

namespace SyncDashboard.Tests.Emulators.Google;

public sealed class FaultAndAuthTests(GoogleEmulatorHost host) : IClassFixture<GoogleEmulatorHost>
{
    private const string AuthError =
        """{"error":{"errors":[{"domain":"global","reason":"authError","message":"Invalid Credentials","locationType":"header","location":"Authorization"}],"code":401,"message":"Invalid Credentials"}}""";

    [Fact]
    public async Task MissingUnknownOrExpiredTokenIs401()
    {
        using var anonymous = host.Client();
        using var noToken = await anonymous.GetAsync("calendar/v3/calendars/primary/events");
        using var bogus = host.Client("ya29.nope");
        using var unknown = await bogus.GetAsync("calendar/v3/users/me/calendarList");

        Assert.Equal(HttpStatusCode.Unauthorized, noToken.StatusCode);
        Assert.Equal(AuthError, await noToken.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Unauthorized, unknown.StatusCode);

        var user = host.NewUser();
        host.Emulator.ExpireAccessTokens();
        using var expired = await user.Api.GetAsync(user.Events);
        Assert.Equal(HttpStatusCode.Unauthorized, expired.StatusCode);
    }

    [Fact]
    public async Task ReadOnlyScopeCannotWrite()
    {
        var user = host.NewUser(scope: "https://www.googleapis.com/auth/calendar.readonly");
        using var list = await user.Api.GetAsync(user.Events);
        using var insert = await user.InsertAsync(GoogleBodies.Timed("x", "2026-03-02T09:00:00Z", "2026-03-02T10:00:00Z"));

        Assert.Equal(HttpStatusCode.OK, list.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, insert.StatusCode);
        Assert.Contains("insufficientPermissions", await insert.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task RateLimitFaultsOverHttpCarryRetryAfter()
    {
        var user = host.NewUser();
        using var control = host.Client();
        var marker = user.CalendarId; // faults match the decoded path
        using var added = await control.PostAsJsonAsync("_emulator/faults",
            new { kind = "rateLimit429", count = 2, pathContains = marker, method = "GET", retryAfterSeconds = 3 });
        Assert.Equal(HttpStatusCode.OK, added.StatusCode);

        using var first = await user.Api.GetAsync(user.Events);
        using var second = await user.Api.GetAsync(user.Events);
        using var third = await user.Api.GetAsync(user.Events);

        Assert.Equal(HttpStatusCode.TooManyRequests, first.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(3), first.Headers.RetryAfter!.Delta);
        Assert.Contains("\"reason\":\"rateLimitExceeded\"", await first.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.TooManyRequests, second.StatusCode);
        Assert.Equal(HttpStatusCode.OK, third.StatusCode);
    }

    [Fact]
    public async Task Forbidden403AndServerErrorFaults()
    {
        var user = host.NewUser();
        var marker = user.CalendarId; // faults match the decoded path
        host.Emulator.AddFault(new FaultRule(FaultKind.RateLimit403, PathContains: marker));
        host.Emulator.AddFault(new FaultRule(FaultKind.Error503, PathContains: marker));

        using var limited = await user.Api.GetAsync(user.Events);
        using var unavailable = await user.Api.GetAsync(user.Events);

        Assert.Equal(HttpStatusCode.Forbidden, limited.StatusCode);
        var error = (await limited.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("error").GetProperty("errors")[0];
        Assert.Equal("usageLimits", error.GetProperty("domain").GetString());
        Assert.True(limited.Headers.Contains("Retry-After"));
        Assert.Equal(HttpStatusCode.ServiceUnavailable, unavailable.StatusCode);
    }

    [Fact]
    public async Task CommitThen500AppliesTheWrite()
    {
        var user = host.NewUser();
        host.Emulator.AddFault(new FaultRule(FaultKind.CommitThen500, Method: "POST", PathContains: user.CalendarId));

        using var response = await user.InsertAsync(GoogleBodies.Timed("landed", "2026-03-02T09:00:00Z", "2026-03-02T10:00:00Z", id: "commit00001"));

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Equal("landed", host.Emulator.GetEvent(user.CalendarId, "commit00001").Summary);
        using var retry = await user.InsertAsync(GoogleBodies.Timed("landed", "2026-03-02T09:00:00Z", "2026-03-02T10:00:00Z", id: "commit00001"));
        Assert.Equal(HttpStatusCode.Conflict, retry.StatusCode);
    }

    [Fact]
    public async Task CommitThenDelayAppliesTheWriteBeforeAnswering()
    {
        var user = host.NewUser();
        host.Emulator.AddFault(new FaultRule(FaultKind.CommitThenDelay, Method: "POST", PathContains: user.CalendarId, DelayMs: 3000));

        var insert = user.InsertAsync(GoogleBodies.Timed("early", "2026-03-02T09:00:00Z", "2026-03-02T10:00:00Z", id: "late000001"));

        await Eventually.TrueAsync(() => host.Emulator.Events(user.CalendarId).Any(e => e.Id == "late000001"), "the insert landed");
        Assert.False(insert.IsCompleted, "the answer waits for the delay");
        using var response = await insert;
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task StatsCountRequestsPerMethodAndPath()
    {
        var user = host.NewUser();
        (await user.Api.GetAsync(user.Events)).Dispose();
        (await user.Api.GetAsync(user.Events)).Dispose();

        using var control = host.Client();
        var stats = await control.GetFromJsonAsync<JsonElement>("_emulator/stats");

        Assert.Equal(2, host.Emulator.RequestCount("GET", user.CalendarId + "/events"));
        Assert.Equal(JsonValueKind.Object, stats.GetProperty("requests").ValueKind);
    }

    [Fact]
    public async Task CalendarListPagesAndMarksPrimary()
    {
        var user = host.NewUser();
        host.Emulator.CreateCalendar(user.Email, "second-" + user.Email, "Work", "Europe/Berlin");
        host.Emulator.CreateCalendar(user.Email, "third-" + user.Email, "Home", "UTC");

        var first = await user.GetJsonAsync("calendar/v3/users/me/calendarList?maxResults=2");
        var next = first.GetProperty("nextPageToken").GetString()!;
        var second = await user.GetJsonAsync($"calendar/v3/users/me/calendarList?maxResults=2&pageToken={Uri.EscapeDataString(next)}");

        Assert.Equal("calendar#calendarList", first.GetProperty("kind").GetString());
        var primary = first.GetProperty("items")[0];
        Assert.Equal(user.Email, primary.GetProperty("id").GetString());
        Assert.True(primary.GetProperty("primary").GetBoolean());
        Assert.False(first.GetProperty("items")[1].TryGetProperty("primary", out _));
        Assert.Equal(1, second.GetProperty("items").GetArrayLength());
        Assert.False(second.TryGetProperty("nextPageToken", out _));
    }

    [Fact]
    public async Task DemoPageListsAndEditsEventsAsTheGoogleUser()
    {
        var user = host.NewUser(timeZone: "Europe/Berlin");
        using var client = host.Client();
        using var create = await client.PostAsync("_emulator/ui/events", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["account"] = user.Email, ["calendarId"] = user.CalendarId, ["summary"] = "Dentist <3",
            ["start"] = "2026-07-01T09:00", ["end"] = "2026-07-01T10:00", ["location"] = "Town",
        }));
        Assert.Equal(HttpStatusCode.Redirect, create.StatusCode);

        var created = Assert.Single(host.Emulator.Events(user.CalendarId));
        Assert.Equal("2026-07-01T09:00:00+02:00", created.Start!.DateTime);
        var html = await client.GetStringAsync($"?account={Uri.EscapeDataString(user.Email)}");
        Assert.Contains("Dentist &lt;3", html);
        using var noSlash = await client.GetAsync(new Uri(host.BaseAddress, "emulator/google"));
        Assert.Equal(HttpStatusCode.OK, noSlash.StatusCode);

        using var delete = await client.PostAsync("_emulator/ui/events/delete", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["account"] = user.Email, ["calendarId"] = user.CalendarId, ["eventId"] = created.Id!,
        }));
        Assert.Empty(host.Emulator.Events(user.CalendarId));
    }
}
