using System.Net;
using SyncDashboard.Tests.Infrastructure;

namespace SyncDashboard.Tests.Integration;

[Collection(AppCollection.Name)]
public sealed class UpcomingApiTests(AppFixture fixture)
{
    private readonly AppHost _app = fixture.App;

    [Fact]
    public async Task DaysSelectTodayTheNext24HoursOrTheWeek()
    {
        var user = await _app.CreateUserAsync();
        var now = DateTimeOffset.UtcNow;
        var soon = now.AddMinutes(5);
        var endOfTodayUtc = now.UtcDateTime.Date.AddDays(1); // the test user lives in UTC
        await Create(user, "in a moment", soon, soon.AddMinutes(10));
        await Create(user, "in 20 hours", now.AddHours(20), now.AddHours(21));
        await Create(user, "in 3 days", now.AddDays(3), now.AddDays(3).AddHours(1));
        await Create(user, "in 10 days", now.AddDays(10), now.AddDays(10).AddHours(1));

        var today = await Titles(user, 0);
        var day = await Titles(user, 1);
        var week = await Titles(user, 7);

        Assert.Contains("in a moment", today);
        Assert.Equal(now.AddHours(20) < endOfTodayUtc, today.Contains("in 20 hours"));
        Assert.Equal(["in a moment", "in 20 hours"], day);
        Assert.Equal(["in a moment", "in 20 hours", "in 3 days"], week);
    }

    [Fact]
    public async Task ResponseHasTheSeedShape()
    {
        var user = await _app.CreateUserAsync();
        var start = DateTimeOffset.UtcNow.AddHours(1);
        await Create(user, "Shaped", start, start.AddHours(1), "Here");
        var body = await (await user.Api.GetAsync("/api/calendar/upcoming?days=1&maxResults=5")).ReadJsonAsync();
        Assert.False(body.GetProperty("connected").GetBoolean());
        Assert.True(body.TryGetProperty("hasCalendarAccess", out _));
        var e = body.GetProperty("events")[0];
        foreach (var field in new[] { "id", "title", "start", "end", "description", "location", "htmlLink" })
            Assert.True(e.TryGetProperty(field, out _), field);
        Assert.Equal("Here", e.GetProperty("location").GetString());
    }

    [Fact]
    public async Task MaxResultsLimitsAndBadQueriesAreRefused()
    {
        var user = await _app.CreateUserAsync();
        var start = DateTimeOffset.UtcNow.AddHours(1);
        for (var i = 0; i < 3; i++) await Create(user, $"e{i}", start.AddMinutes(i), start.AddMinutes(i + 30));
        Assert.Equal(2, (await (await user.Api.GetAsync("/api/calendar/upcoming?days=1&maxResults=2")).ReadJsonAsync()).GetProperty("events").GetArrayLength());
        Assert.Equal(HttpStatusCode.BadRequest, (await user.Api.GetAsync("/api/calendar/upcoming?days=-1")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await user.Api.GetAsync("/api/calendar/upcoming?maxResults=0")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await user.Api.GetAsync("/api/calendar/upcoming?days=abc")).StatusCode);
    }

    [Fact]
    public async Task TodaysAllDayEventIsIncludedAndTomorrowsIsNotInDaysZero()
    {
        var user = await _app.CreateUserAsync();
        var today = DateTime.UtcNow.Date;
        await user.Api.PostJsonAsync("/api/events", new { title = "today all day", start = today.ToString("yyyy-MM-dd"), end = today.AddDays(1).ToString("yyyy-MM-dd"), allDay = true });
        await user.Api.PostJsonAsync("/api/events", new { title = "tomorrow all day", start = today.AddDays(1).ToString("yyyy-MM-dd"), end = today.AddDays(2).ToString("yyyy-MM-dd"), allDay = true });
        var titles = await Titles(user, 0);
        Assert.Contains("today all day", titles);
        Assert.DoesNotContain("tomorrow all day", titles);
    }

    private static async Task Create(TestUser user, string title, DateTimeOffset start, DateTimeOffset end, string? location = null) =>
        Assert.Equal(HttpStatusCode.Created, (await user.Api.PostJsonAsync("/api/events", new { title, start, end, location })).StatusCode);

    private static async Task<List<string>> Titles(TestUser user, int days) =>
        (await (await user.Api.GetAsync($"/api/calendar/upcoming?days={days}&maxResults=50")).ReadJsonAsync())
            .GetProperty("events").EnumerateArray().Select(e => e.GetProperty("title").GetString()!).ToList();
}
