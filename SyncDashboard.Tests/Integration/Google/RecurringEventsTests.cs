using System.Globalization;
using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using SyncDashboard.Emulators.Google;
using SyncDashboard.Emulators.Google.Wire;
using SyncDashboard.Emulators.Notion;
using SyncDashboard.Tests.Infrastructure;
using SyncDashboard.Tests.Integration.Notion;
using SyncDashboard.Web.Demo;

namespace SyncDashboard.Tests.Integration.Google;

/// <summary>
/// One occurrence of a series changed or deleted over HTTP — this event, this and following, all events — and what Google
/// and Notion then hold (ADR 0017). A weekly series of 8 on Fridays at 08:00 Berlin time, starting next week.
/// </summary>
[Collection(AppCollection.Name)]
public sealed class RecurringEventsTests(AppFixture fixture)
{
    private readonly AppHost _app = fixture.App;
    private GoogleEmulator Google => _app.Get<GoogleEmulator>();
    private static readonly TimeZoneInfo Berlin = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");

    /// <summary>The first Friday at least a week away, 08:00 in Berlin.</summary>
    private static DateTimeOffset FirstFriday()
    {
        var day = DateTime.UtcNow.Date.AddDays(7);
        while (day.DayOfWeek != DayOfWeek.Friday) day = day.AddDays(1);
        var local = DateTime.SpecifyKind(day.AddHours(8), DateTimeKind.Unspecified);
        return new DateTimeOffset(local, Berlin.GetUtcOffset(local)).ToUniversalTime();
    }

    private static string Stamp(DateTimeOffset utc) => utc.UtcDateTime.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);
    private static string Iso(DateTimeOffset utc) => Uri.EscapeDataString(utc.ToString("O", CultureInfo.InvariantCulture));

    private sealed record Series(GoogleUser G, NotionAccount N, Guid Id, string GoogleId, DateTimeOffset First);

    private async Task<Series> WeeklySeriesAsync(string title)
    {
        var g = await _app.ConnectGoogleAsync();
        var n = await _app.ConnectNotionAsync(g.User);
        var first = FirstFriday();
        var created = await (await g.User.Api.PostJsonAsync("/api/events", new
        {
            title, start = first, end = first.AddHours(1), timeZone = "Europe/Berlin", recurrence = "RRULE:FREQ=WEEKLY;COUNT=8",
        })).ReadJsonAsync();
        var id = created.GetProperty("id").GetGuid();
        await Eventually.TrueAsync(() => Google.Events(g.CalendarId).Any(e => e.Id == id.ToString("N")) && _app.PageFor(n, id) is not null,
            "the series is in Google and Notion");
        return new Series(g, n, id, id.ToString("N"), first);
    }

    private static async Task<List<JsonElement>> ListAsync(Series s)
    {
        var from = Uri.EscapeDataString(s.First.AddDays(-1).ToString("O"));
        var to = Uri.EscapeDataString(s.First.AddDays(70).ToString("O"));
        var list = await (await s.G.User.Api.GetAsync($"/api/events?from={from}&to={to}")).ReadJsonAsync();
        return [.. list.EnumerateArray()];
    }

    private static object Body(string title, DateTimeOffset start, string? recurrence = null) =>
        new { title, start, end = start.AddHours(1), timeZone = "Europe/Berlin", recurrence };

    private GoogleEvent? GoogleEvent(Series s, string id) => Google.Events(s.G.CalendarId, includeCancelled: true).FirstOrDefault(e => e.Id == id);

    [Fact]
    public async Task RenamingOneOccurrenceKeepsEveryOtherOnAllThreeSides()
    {
        var s = await WeeklySeriesAsync("Weekly planning");
        var second = s.First.AddDays(7);

        var response = await s.G.User.Api.PutJsonAsync($"/api/events?id={s.Id}&scope=this&occurrence={Iso(second)}", Body("Planning (moved)", second));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var overrideId = (await response.ReadJsonAsync()).GetProperty("id").GetGuid();
        Assert.NotEqual(s.Id, overrideId);

        var list = await ListAsync(s);
        Assert.Equal(8, list.Count);
        Assert.Equal("Weekly planning", list[0].GetProperty("title").GetString());
        Assert.Equal(s.First, list[0].GetProperty("start").GetDateTimeOffset());
        Assert.Equal("Planning (moved)", list[1].GetProperty("title").GetString());
        Assert.Equal(s.Id, list[1].GetProperty("seriesId").GetGuid());
        Assert.Equal(second, list[1].GetProperty("originalStart").GetDateTimeOffset());
        Assert.All(list.Skip(2), e => Assert.Equal("Weekly planning", e.GetProperty("title").GetString()));

        var instanceId = $"{s.GoogleId}_{Stamp(second)}";
        await Eventually.TrueAsync(() => GoogleEvent(s, instanceId)?.Summary == "Planning (moved)", "the occurrence is an exception in Google");
        var master = GoogleEvent(s, s.GoogleId)!;
        Assert.Equal("Weekly planning", master.Summary);
        Assert.Equal(["RRULE:FREQ=WEEKLY;COUNT=8"], master.Recurrence);
        Assert.Equal(s.First, DateTimeOffset.Parse(master.Start!.DateTime!, CultureInfo.InvariantCulture));
        Assert.Equal(s.GoogleId, GoogleEvent(s, instanceId)!.RecurringEventId);

        await Eventually.TrueAsync(() => _app.PageFor(s.N, overrideId) is not null, "the occurrence is a page of its own in Notion");
        Assert.Equal(second, _app.PageFor(s.N, overrideId)!.DateStart());
        var seriesPage = _app.PageFor(s.N, s.Id)!;
        Assert.Equal("Weekly planning", seriesPage.Text("Title"));
        Assert.Equal(s.First, seriesPage.DateStart());
    }

    [Fact]
    public async Task MovingOneOccurrenceLeavesItsOldSlotEmpty()
    {
        var s = await WeeklySeriesAsync("Standup");
        var third = s.First.AddDays(14);
        var moved = third.AddDays(1).AddHours(2);

        var response = await s.G.User.Api.PutJsonAsync($"/api/events?id={s.Id}&scope=this&occurrence={Iso(third)}", Body("Standup", moved));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);

        var starts = (await ListAsync(s)).Select(e => e.GetProperty("start").GetDateTimeOffset()).ToList();
        Assert.Equal(8, starts.Count);
        Assert.DoesNotContain(third, starts);
        Assert.Contains(moved, starts);
        await Eventually.TrueAsync(() => GoogleEvent(s, $"{s.GoogleId}_{Stamp(third)}")?.Start?.DateTime is { } start
            && DateTimeOffset.Parse(start, CultureInfo.InvariantCulture) == moved, "the moved occurrence is in Google");
    }

    [Fact]
    public async Task ThisAndFollowingSplitsTheSeriesAsGoogleDoes()
    {
        var s = await WeeklySeriesAsync("Review");
        var third = s.First.AddDays(14);

        var response = await s.G.User.Api.PutJsonAsync($"/api/events?id={s.Id}&scope=following&occurrence={Iso(third)}",
            Body("Review (new room)", third, "RRULE:FREQ=WEEKLY;COUNT=8"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var next = await response.ReadJsonAsync();
        Assert.Equal("RRULE:FREQ=WEEKLY;COUNT=6", next.GetProperty("recurrence").GetString());

        var titles = (await ListAsync(s)).Select(e => e.GetProperty("title").GetString()).ToList();
        Assert.Equal(["Review", "Review", .. Enumerable.Repeat("Review (new room)", 6)], titles);
        var nextGoogleId = next.GetProperty("id").GetGuid().ToString("N");
        await Eventually.TrueAsync(() => GoogleEvent(s, nextGoogleId) is not null
            && GoogleEvent(s, s.GoogleId)!.Recurrence!.Single().Contains("UNTIL=", StringComparison.Ordinal), "Google has both parts");
        Assert.Equal($"RRULE:FREQ=WEEKLY;UNTIL={Stamp(third.AddSeconds(-1))}", GoogleEvent(s, s.GoogleId)!.Recurrence!.Single());
        Assert.Equal(["RRULE:FREQ=WEEKLY;COUNT=6"], GoogleEvent(s, nextGoogleId)!.Recurrence);
        Assert.Equal(8, Google.ListEvents(s.G.CalendarId, new EventListQuery { SingleEvents = true }).Items!.Count(e => e.Status != "cancelled"));
    }

    [Fact]
    public async Task AllEventsFromOneOccurrenceMovesTheSeriesWithoutChangingItsFirstDate()
    {
        var s = await WeeklySeriesAsync("Gym");
        var second = s.First.AddDays(7);

        var response = await s.G.User.Api.PutJsonAsync($"/api/events?id={s.Id}&scope=all&occurrence={Iso(second)}",
            Body("Gym", second.AddHours(1), "RRULE:FREQ=WEEKLY;COUNT=8"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);

        var starts = (await ListAsync(s)).Select(e => e.GetProperty("start").GetDateTimeOffset()).ToList();
        Assert.Equal(Enumerable.Range(0, 8).Select(w => s.First.AddDays(7 * w).AddHours(1)), starts);
    }

    [Fact]
    public async Task DeletingOneOccurrenceCancelsItInGoogleAndNothingElse()
    {
        var s = await WeeklySeriesAsync("Lunch");
        var fourth = s.First.AddDays(21);

        Assert.Equal(HttpStatusCode.NoContent, (await s.G.User.Api.DeleteAsync($"/api/events?id={s.Id}&scope=this&occurrence={Iso(fourth)}")).StatusCode);

        var starts = (await ListAsync(s)).Select(e => e.GetProperty("start").GetDateTimeOffset()).ToList();
        Assert.Equal(7, starts.Count);
        Assert.DoesNotContain(fourth, starts);
        await Eventually.TrueAsync(() => GoogleEvent(s, $"{s.GoogleId}_{Stamp(fourth)}")?.Status == "cancelled", "the occurrence is cancelled in Google");
        Assert.Equal("confirmed", GoogleEvent(s, s.GoogleId)!.Status);
        Assert.Equal(7, Google.ListEvents(s.G.CalendarId, new EventListQuery { SingleEvents = true }).Items!.Count);
    }

    [Fact]
    public async Task DeletingThisAndFollowingEndsTheSeries()
    {
        var s = await WeeklySeriesAsync("Course");
        var fifth = s.First.AddDays(28);

        Assert.Equal(HttpStatusCode.NoContent, (await s.G.User.Api.DeleteAsync($"/api/events?id={s.Id}&scope=following&occurrence={Iso(fifth)}")).StatusCode);

        Assert.Equal(4, (await ListAsync(s)).Count);
        await Eventually.TrueAsync(() => GoogleEvent(s, s.GoogleId)!.Recurrence!.Single().Contains("UNTIL=", StringComparison.Ordinal), "Google's series ends");
        Assert.Equal(4, Google.ListEvents(s.G.CalendarId, new EventListQuery { SingleEvents = true }).Items!.Count);
    }

    [Fact]
    public async Task AnOccurrenceChangedOrCancelledInGoogleIsAnOverrideInTheAppAndAPageInNotion()
    {
        var s = await WeeklySeriesAsync("Yoga");
        var second = s.First.AddDays(7);
        var third = s.First.AddDays(14);

        Google.PatchEvent(s.G.CalendarId, $"{s.GoogleId}_{Stamp(second)}", new JsonObject { ["summary"] = "Yoga outside" });
        Google.DeleteEvent(s.G.CalendarId, $"{s.GoogleId}_{Stamp(third)}");

        await Eventually.TrueAsync(async () => (await ListAsync(s)).Count == 7, "the cancelled occurrence is gone from the app");
        var list = await ListAsync(s);
        Assert.Equal("Yoga outside", list[1].GetProperty("title").GetString());
        Assert.Equal(s.Id, list[1].GetProperty("seriesId").GetGuid());
        Assert.NotEqual(s.Id, list[1].GetProperty("id").GetGuid());
        Assert.DoesNotContain(third, list.Select(e => e.GetProperty("start").GetDateTimeOffset()));
        Assert.All(list.Where(e => e.GetProperty("id").GetGuid() == s.Id), e => Assert.Equal("Yoga", e.GetProperty("title").GetString()));

        var overrideId = list[1].GetProperty("id").GetGuid();
        await Eventually.TrueAsync(() => _app.PageFor(s.N, overrideId)?.Text("Title") == "Yoga outside", "Notion has the changed occurrence as a page");
        Assert.Equal(2, _app.LivePages(s.N).Count);
        // Nothing goes back to Google: the app's override is Google's own exception.
        Assert.Equal("Yoga outside", GoogleEvent(s, $"{s.GoogleId}_{Stamp(second)}")!.Summary);
        Assert.Equal(["RRULE:FREQ=WEEKLY;COUNT=8"], GoogleEvent(s, s.GoogleId)!.Recurrence);
    }

    [Fact]
    public async Task DeletingTheSeriesTakesItsOverridesAlong()
    {
        var s = await WeeklySeriesAsync("Choir");
        var second = s.First.AddDays(7);
        var changed = await (await s.G.User.Api.PutJsonAsync($"/api/events?id={s.Id}&scope=this&occurrence={Iso(second)}", Body("Choir (concert)", second))).ReadJsonAsync();
        var overrideId = changed.GetProperty("id").GetGuid();
        await Eventually.TrueAsync(() => _app.PageFor(s.N, overrideId) is not null, "the override is in Notion");

        Assert.Equal(HttpStatusCode.NoContent, (await s.G.User.Api.DeleteAsync($"/api/events?id={s.Id}")).StatusCode);

        Assert.Empty(await ListAsync(s));
        Assert.Equal(HttpStatusCode.NotFound, (await s.G.User.Api.GetAsync($"/api/events/{overrideId}")).StatusCode);
        await Eventually.TrueAsync(() => _app.LivePages(s.N).Count == 0, "both pages are gone from Notion");
        await Eventually.TrueAsync(() => GoogleEvent(s, s.GoogleId)!.Status == "cancelled", "the series is gone from Google");
    }

    [Fact]
    public async Task UndoOfASeriesDeleteBringsItsOverridesBackButNotItsCancelledDates()
    {
        var s = await WeeklySeriesAsync("Band");
        var (second, third) = (s.First.AddDays(7), s.First.AddDays(14));
        var changed = await (await s.G.User.Api.PutJsonAsync($"/api/events?id={s.Id}&scope=this&occurrence={Iso(second)}", Body("Band (gig)", second))).ReadJsonAsync();
        await s.G.User.Api.DeleteAsync($"/api/events?id={s.Id}&scope=this&occurrence={Iso(third)}");
        var overrideId = changed.GetProperty("id").GetGuid();

        Assert.Equal(HttpStatusCode.NoContent, (await s.G.User.Api.DeleteAsync($"/api/events?id={s.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await s.G.User.Api.PostAsync($"/api/events/{s.Id}/restore", null)).StatusCode);

        var list = await ListAsync(s);
        Assert.Equal(7, list.Count);
        Assert.Equal("Band (gig)", list[1].GetProperty("title").GetString());
        Assert.Equal(overrideId, list[1].GetProperty("id").GetGuid());
        Assert.DoesNotContain(third, list.Select(e => e.GetProperty("start").GetDateTimeOffset()));
    }

    [Fact]
    public async Task AGoogleSeriesWithExceptionsImportsAsOneSeriesWithOverridesOnTheFirstSync()
    {
        var user = await _app.CreateUserAsync("google");
        var email = $"g{Guid.NewGuid():N}@example.com";
        Google.CreateAccount(email, "Europe/Berlin", owner: user.EmulatorOwner);
        var first = FirstFriday();
        var master = Google.InsertEvent(email, GoogleTestKit.TimedEvent("Team sync", first) with { Recurrence = ["RRULE:FREQ=WEEKLY;COUNT=4"] });
        Google.PatchEvent(email, $"{master.Id}_{Stamp(first.AddDays(7))}", new JsonObject { ["summary"] = "Team sync (offsite)" });
        Google.DeleteEvent(email, $"{master.Id}_{Stamp(first.AddDays(14))}");
        var connect = _app.Get<SyncDashboard.Core.Google.GoogleConnectService>();
        var account = await connect.ConnectGrantAsync(user.Id, Google.IssueTokens(email, GoogleTestKit.Scopes).ToTokenResponse(), default);
        await connect.AddCalendarsAsync(user.Id, account.CredentialId,
            [new SyncDashboard.Core.Google.CalendarChoice(email, "Mine", SyncDashboard.Core.Domain.SyncDirection.TwoWay, true)], default);

        var from = Uri.EscapeDataString(first.AddDays(-1).ToString("O"));
        var to = Uri.EscapeDataString(first.AddDays(40).ToString("O"));
        var list = (await (await user.Api.GetAsync($"/api/events?from={from}&to={to}")).ReadJsonAsync()).EnumerateArray().ToList();
        Assert.Equal(["Team sync", "Team sync (offsite)", "Team sync"], list.Select(e => e.GetProperty("title").GetString()));
        Assert.Equal(list[0].GetProperty("id").GetGuid(), list[1].GetProperty("seriesId").GetGuid());
        var rows = await _app.AppEventsAsync(user.Id);
        Assert.Equal(2, rows.Count); // the series and its one live override; no stray single events
        Assert.Single(rows, r => r.SeriesId is not null && r.Recurrence is null);
    }

    [Fact]
    public async Task AnAllDaySeriesNamesItsOccurrencesByDate()
    {
        var g = await _app.ConnectGoogleAsync();
        var first = new DateTimeOffset(FirstFriday().UtcDateTime.Date, TimeSpan.Zero);
        var created = await (await g.User.Api.PostJsonAsync("/api/events", new
        {
            title = "Bin day", start = first, end = first, allDay = true, recurrence = "RRULE:FREQ=WEEKLY;COUNT=5",
        })).ReadJsonAsync();
        var id = created.GetProperty("id").GetGuid();
        var googleId = id.ToString("N");
        await Eventually.TrueAsync(() => Google.Events(g.CalendarId).Any(e => e.Id == googleId), "the series is in Google");
        var (second, fourth) = (first.AddDays(7), first.AddDays(21));

        Assert.Equal(HttpStatusCode.OK, (await g.User.Api.PutJsonAsync($"/api/events?id={id}&scope=this&occurrence={Iso(second)}",
            new { title = "Bin day (late)", start = second.AddDays(1), end = second.AddDays(1), allDay = true })).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await g.User.Api.DeleteAsync($"/api/events?id={id}&scope=following&occurrence={Iso(fourth)}")).StatusCode);

        var instance = $"{googleId}_{second:yyyyMMdd}";
        await Eventually.TrueAsync(() => Google.Events(g.CalendarId).FirstOrDefault(e => e.Id == instance)?.Start?.Date == $"{second.AddDays(1):yyyy-MM-dd}",
            "Google has the moved all-day occurrence");
        await Eventually.TrueAsync(() => Google.GetEvent(g.CalendarId, googleId).Recurrence!.Single() == $"RRULE:FREQ=WEEKLY;UNTIL={fourth.AddDays(-1):yyyyMMdd}",
            "Google's series ends the day before");
        var dates = Google.ListEvents(g.CalendarId, new EventListQuery { SingleEvents = true, OrderBy = "startTime" }).Items!.Select(e => e.Start!.Date).ToList();
        Assert.Equal([$"{first:yyyy-MM-dd}", $"{second.AddDays(1):yyyy-MM-dd}", $"{first.AddDays(14):yyyy-MM-dd}"], dates);
    }

    [Fact]
    public async Task HostileScopesAndOccurrencesAreClearFourHundreds()
    {
        var s = await WeeklySeriesAsync("Guarded");
        var stranger = await _app.CreateUserAsync();
        var second = s.First.AddDays(7);
        var api = s.G.User.Api;

        async Task<HttpStatusCode> Put(string query) => (await api.PutJsonAsync($"/api/events?id={s.Id}{query}", Body("x", second))).StatusCode;
        Assert.Equal(HttpStatusCode.BadRequest, await Put($"&scope=sometimes&occurrence={Iso(second)}"));
        Assert.Equal(HttpStatusCode.BadRequest, await Put("&scope=1"));
        Assert.Equal(HttpStatusCode.BadRequest, await Put("&scope=this"));
        Assert.Equal(HttpStatusCode.BadRequest, await Put($"&scope=this&occurrence={Iso(second.AddMinutes(5))}"));
        Assert.Equal(HttpStatusCode.BadRequest, await Put($"&scope=this&occurrence={Iso(s.First.AddDays(7 * 8))}"));
        Assert.Equal(HttpStatusCode.BadRequest, await Put("&scope=this&occurrence=not-a-date"));
        Assert.Equal(HttpStatusCode.BadRequest, (await api.DeleteAsync($"/api/events?id={s.Id}&scope=following")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.Api.PutJsonAsync($"/api/events?id={s.Id}&scope=this&occurrence={Iso(second)}", Body("x", second))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.Api.DeleteAsync($"/api/events?id={s.Id}&scope=this&occurrence={Iso(second)}")).StatusCode);

        // A cancelled occurrence cannot be edited again.
        await api.DeleteAsync($"/api/events?id={s.Id}&scope=this&occurrence={Iso(second)}");
        Assert.Equal(HttpStatusCode.NotFound, await Put($"&scope=this&occurrence={Iso(second)}"));
        Assert.Equal(7, (await ListAsync(s)).Count);
    }
}
