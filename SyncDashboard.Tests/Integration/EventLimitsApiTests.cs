using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using SyncDashboard.Core.Domain;
using SyncDashboard.Core.Persistence;
using SyncDashboard.Tests.Infrastructure;
using static SyncDashboard.Tests.Integration.EventsApiTests;

namespace SyncDashboard.Tests.Integration;

/// <summary>Issue 9, findings 5 and 6: recurrence rules and dates at the edge get 400s, and nothing stored can make a list fail.</summary>
[Collection(AppCollection.Name)]
public sealed class EventLimitsApiTests(AppFixture fixture)
{
    private readonly AppHost _app = fixture.App;
    private static DateTimeOffset Tomorrow => new(DateTime.UtcNow.Date.AddDays(1).AddHours(9), TimeSpan.Zero);

    [Theory]
    [InlineData("RRULE:FREQ=DAILY;INTERVAL=2147483647")]
    [InlineData("RRULE:FREQ=DAILY;COUNT=2147483647")]
    [InlineData("RRULE:FREQ=SECONDLY;UNTIL=22001231T000000Z")]
    [InlineData("RRULE:FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=30")]
    [InlineData("RRULE:FREQ=WEEKLY;BYDAY=XX;INTERVAL=")]
    public async Task HostileRecurrenceIsRefusedWithAProblemNamingTheField(string recurrence)
    {
        var user = await _app.CreateUserAsync();
        var response = await user.Api.PostJsonAsync("/api/events", new { title = "Hostile", start = Tomorrow, end = Tomorrow.AddHours(1), recurrence });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        Assert.True((await response.ReadJsonAsync()).GetProperty("errors").TryGetProperty("recurrence", out _));
        Assert.Equal(0, (await ListAsync(user)).GetArrayLength());
    }

    [Fact]
    public async Task HostileRecurrenceInAnUpdateIsRefusedAndTheEventIsUnchanged()
    {
        var user = await _app.CreateUserAsync();
        var id = (await (await user.Api.PostJsonAsync("/api/events", new { title = "Weekly", start = Tomorrow, end = Tomorrow.AddHours(1), recurrence = "RRULE:FREQ=WEEKLY" })).ReadJsonAsync()).GetProperty("id").GetGuid();
        var response = await user.Api.PutJsonAsync($"/api/events?id={id}", new { title = "Weekly", start = Tomorrow, end = Tomorrow.AddHours(1), recurrence = "RRULE:FREQ=DAILY;INTERVAL=2147483647" });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("RRULE:FREQ=WEEKLY", (await (await user.Api.GetAsync($"/api/events/{id}")).ReadJsonAsync()).GetProperty("recurrence").GetString());
    }

    [Theory]
    [InlineData("RRULE:FREQ=DAILY;INTERVAL=2147483647")]
    [InlineData("RRULE:FREQ=DAILY;COUNT=2147483647")]
    [InlineData("RRULE:FREQ=MINUTELY;UNTIL=99991231T000000Z")]
    [InlineData("RRULE:FREQ=YEARLY;INTERVAL=2147483647;BYMONTH=2;BYMONTHDAY=31")]
    [InlineData("RRULE:FREQ=WEEKLY;BYDAY=MO;INTERVAL=999999999")]
    public async Task StoredHostileSeriesIsListedOnceAndFlaggedInsteadOfFailingTheLists(string recurrence)
    {
        var user = await _app.CreateUserAsync();
        var id = await StoreAsync(user, "Stored series", recurrence); // as a pull from another calendar, or a row from before the limits, would

        var list = await user.Api.GetAsync($"/api/events?from={Esc(Tomorrow.AddDays(-1))}&to={Esc(Tomorrow.AddDays(30))}");
        Assert.Equal(HttpStatusCode.OK, list.StatusCode);
        var listed = Assert.Single((await list.ReadJsonAsync()).EnumerateArray(), e => e.GetProperty("id").GetGuid() == id);
        Assert.Equal(recurrence, listed.GetProperty("recurrence").GetString());
        Assert.False(string.IsNullOrEmpty(listed.GetProperty("recurrenceProblem").GetString()));

        var upcoming = await user.Api.GetAsync("/api/calendar/upcoming?days=7&maxResults=100");
        Assert.Equal(HttpStatusCode.OK, upcoming.StatusCode);
        Assert.Single((await upcoming.ReadJsonAsync()).GetProperty("events").EnumerateArray(), e => e.GetProperty("id").GetGuid() == id);
    }

    [Fact]
    public async Task FlaggedSeriesCanBeRenamedKeepingItsRuleButNotGivenAnotherBadOne()
    {
        var user = await _app.CreateUserAsync();
        const string fromGoogle = "RRULE:FREQ=HOURLY;INTERVAL=2";
        var id = await StoreAsync(user, "From Google", fromGoogle);

        var renamed = await user.Api.PutJsonAsync($"/api/events?id={id}", new { title = "Renamed", start = Tomorrow, end = Tomorrow.AddHours(1), recurrence = fromGoogle });
        Assert.Equal(HttpStatusCode.OK, renamed.StatusCode);
        var body = await renamed.ReadJsonAsync();
        Assert.Equal(fromGoogle, body.GetProperty("recurrence").GetString());
        Assert.Equal("FREQ=HOURLY is not supported; use DAILY, WEEKLY, MONTHLY or YEARLY.", body.GetProperty("recurrenceProblem").GetString());

        var other = await user.Api.PutJsonAsync($"/api/events?id={id}", new { title = "Renamed", start = Tomorrow, end = Tomorrow.AddHours(1), recurrence = "RRULE:FREQ=MINUTELY" });
        Assert.Equal(HttpStatusCode.BadRequest, other.StatusCode);

        var fixedRule = await user.Api.PutJsonAsync($"/api/events?id={id}", new { title = "Renamed", start = Tomorrow, end = Tomorrow.AddHours(1), recurrence = "RRULE:FREQ=DAILY;COUNT=3" });
        Assert.Equal(JsonValueKind.Null, (await fixedRule.ReadJsonAsync()).GetProperty("recurrenceProblem").ValueKind);
    }

    [Theory]
    [InlineData("9999-12-31", "9999-12-31", true, "start")]
    [InlineData("9999-12-31T00:00:00Z", "9999-12-31T01:00:00Z", false, "start")]
    [InlineData("2026-12-01", "9999-12-31", true, "end")]
    [InlineData("0001-01-02T00:00:00Z", "0001-01-02T01:00:00Z", false, "start")]
    [InlineData("1899-12-31T12:00:00Z", "1900-01-01T12:00:00Z", false, "start")]
    public async Task DatesOutsideYears1900To2200AreRefusedOnCreateAndUpdate(string start, string end, bool allDay, string field)
    {
        var user = await _app.CreateUserAsync();
        var created = await user.Api.PostJsonAsync("/api/events", new { title = "Edge", start, end, allDay });
        Assert.Equal(HttpStatusCode.BadRequest, created.StatusCode);
        Assert.Equal("application/problem+json", created.Content.Headers.ContentType!.MediaType);
        Assert.True((await created.ReadJsonAsync()).GetProperty("errors").TryGetProperty(field, out _));

        var id = (await (await user.Api.PostJsonAsync("/api/events", new { title = "Ordinary", start = Tomorrow, end = Tomorrow.AddHours(1) })).ReadJsonAsync()).GetProperty("id").GetGuid();
        var updated = await user.Api.PutJsonAsync($"/api/events?id={id}", new { title = "Edge", start, end, allDay });
        Assert.Equal(HttpStatusCode.BadRequest, updated.StatusCode);
        Assert.True((await updated.ReadJsonAsync()).GetProperty("errors").TryGetProperty(field, out _));
        Assert.Equal("Ordinary", (await (await user.Api.GetAsync($"/api/events/{id}")).ReadJsonAsync()).GetProperty("title").GetString());
    }

    [Theory]
    [InlineData("from=0001-01-01", "from")]
    [InlineData("from=9999-12-31", "from")]
    [InlineData("from=1899-12-31T23:59:59Z", "from")]
    [InlineData("to=9999-12-31", "to")]
    [InlineData("from=2026-12-01&to=9999-12-31", "to")]
    public async Task ListRangeOutsideYears1900To2200IsRefused(string query, string field)
    {
        var user = await _app.CreateUserAsync();
        var response = await user.Api.GetAsync($"/api/events?{query}");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal([$"'{field}' must be between 1900-01-01 and 2200-12-31."],
            (await response.ReadJsonAsync()).GetProperty("errors").GetProperty(field).EnumerateArray().Select(m => m.GetString()));
    }

    [Fact]
    public async Task ListAtTheEdgesOfTheRangeAnswers()
    {
        var user = await _app.CreateUserAsync();
        Assert.Equal(HttpStatusCode.OK, (await user.Api.GetAsync("/api/events?from=1900-01-01")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await user.Api.GetAsync("/api/events?from=2200-12-31")).StatusCode);
    }

    private async Task<Guid> StoreAsync(TestUser user, string title, string recurrence)
    {
        await using var db = await _app.Get<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
        var ev = new CalendarEvent { UserId = user.Id, Title = title, Version = 1 };
        ev.Apply(new EventFields(title, null, null, null, Tomorrow.UtcDateTime, Tomorrow.UtcDateTime.AddHours(1), false, "UTC", recurrence));
        db.Events.Add(ev);
        await db.SaveChangesAsync();
        return ev.Id;
    }

    private static async Task<JsonElement> ListAsync(TestUser user) =>
        await (await user.Api.GetAsync($"/api/events?from={Esc(Tomorrow.AddDays(-2))}&to={Esc(Tomorrow.AddDays(30))}")).ReadJsonAsync();
}
