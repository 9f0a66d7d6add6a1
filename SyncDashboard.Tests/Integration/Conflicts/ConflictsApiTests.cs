using SyncDashboard.Web.Infrastructure;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using Microsoft.Extensions.Options;
using SyncDashboard.Core.Domain;
using SyncDashboard.Core.Sync.Conflicts;
using SyncDashboard.Emulators.Google;
using SyncDashboard.Tests.Infrastructure;
using SyncDashboard.Tests.Integration.Google;
using SyncDashboard.Tests.Integration.Notion;
using SyncDashboard.Web.Sync;
using HttpJsonOptions = Microsoft.AspNetCore.Http.Json.JsonOptions;

namespace SyncDashboard.Tests.Integration.Conflicts;

/// <summary>
/// <c>GET /api/calendar/conflicts</c> and <c>POST /api/calendar/conflicts/{id}/resolve</c> over real HTTP, with a Google
/// calendar behind them so a settled choice is seen to reach the other side.
/// </summary>
[Collection(AppCollection.Name)]
public sealed class ConflictsApiTests(AppFixture fixture)
{
    private readonly AppHost _app = fixture.App;
    private GoogleEmulator Google => _app.Get<GoogleEmulator>();

    [Fact]
    public async Task TheListAnswersSuccessWithEachOpenConflictsSidesAndLastAgreedValues()
    {
        var (g, eventId, conflictId) = await SeedAsync();

        var response = await g.User.Api.GetAsync("/api/calendar/conflicts");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.ReadJsonAsync();
        Assert.True(body.GetProperty("success").GetBoolean());
        var raw = Assert.Single(body.GetProperty("data").EnumerateArray());
        Assert.Equal((conflictId, eventId, "Dentist"), (raw.GetProperty("id").GetGuid(), raw.GetProperty("eventId").GetGuid(), raw.GetProperty("eventTitle").GetString()));
        Assert.Equal(["Title", "Location"], raw.GetProperty("fields").EnumerateArray().Select(f => f.GetString()));
        Assert.Equal(("Dentist", "Dentist (moved)", "Dentist appt"), (raw.GetProperty("local").GetProperty("title").GetString(),
            raw.GetProperty("remote").GetProperty("title").GetString(), raw.GetProperty("base").GetProperty("title").GetString()));
        Assert.EndsWith("Z", raw.GetProperty("local").GetProperty("start").GetString());
        var typed = Assert.Single((await ReadAsync<ApiData<List<ConflictDto>>>(await g.User.Api.GetAsync("/api/calendar/conflicts"))).Data);
        Assert.Equal((ConflictOutcome.LocalWon, Provider.Google, g.IntegrationId), (typed.Outcome, typed.Provider, typed.IntegrationId));
    }

    [Theory]
    [InlineData("""{ "choice": "local" }""", "Dentist", "Main St 4", ConflictChoice.TakeLocal)]
    [InlineData("""{ "choice": "remote" }""", "Dentist (moved)", "Oak Rd 9", ConflictChoice.TakeRemote)]
    [InlineData("""{ "choice": "merge", "fields": { "title": "remote", "Location": "local" } }""", "Dentist (moved)", "Main St 4", ConflictChoice.Merge)]
    [InlineData("""{ "choice": "keep" }""", "Dentist", "Main St 4", ConflictChoice.KeepAutomatic)]
    public async Task EachChoiceIsWrittenToTheAppAndSentToGoogleAndClosesTheConflict(string json, string title, string location, ConflictChoice choice)
    {
        var (g, eventId, conflictId) = await SeedAsync();

        var response = await PostAsync(g.User, conflictId, json);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var answer = await ReadAsync<ApiData<ConflictResolved>>(response);
        Assert.True(answer.Success);
        Assert.Equal((conflictId, eventId, choice, title, location), (answer.Data.Id, answer.Data.EventId, answer.Data.Choice, answer.Data.Event.Title, answer.Data.Event.Location));
        var ev = (await _app.AppEventsAsync(g.User.Id)).Single(e => e.Id == eventId);
        Assert.Equal((title, location), (ev.Title, ev.Location));
        await Eventually.TrueAsync(async () => await _app.OutboxDrainedAsync(g.User.Id)
            && Google.GetEvent(g.CalendarId, eventId.ToString("N")) is { } inGoogle && (inGoogle.Summary, inGoogle.Location) == (title, location),
            "Google holds the chosen values");
        Assert.Equal(0, (await (await g.User.Api.GetAsync("/api/calendar/conflicts")).ReadJsonAsync()).GetProperty("data").GetArrayLength());
        Assert.Equal(HttpStatusCode.NotFound, (await PostAsync(g.User, conflictId, json)).StatusCode);
    }

    [Theory]
    [InlineData("""{ "choice": "both" }""")]
    [InlineData("""{ "choice": 2 }""")]
    [InlineData("""{ "choice": null }""")]
    [InlineData("""{ }""")]
    [InlineData("""{ "choice": "merge" }""")]
    [InlineData("""{ "choice": "merge", "fields": { "Title": "local" } }""")]
    [InlineData("""{ "choice": "merge", "fields": { "Title": "local", "Location": "local", "Notes": "remote" } }""")]
    [InlineData("""{ "choice": "merge", "fields": { "Title": "theirs", "Location": "local" } }""")]
    [InlineData("""{ "choice": "merge", "fields": { "Title": 1, "Location": "local" } }""")]
    [InlineData("""{ "choice": "merge", "fields": ["Title"] }""")]
    [InlineData("""{ "choice": "local", "fields": { "Title": "local" } }""")]
    [InlineData("""{ "choice": "local" """)]
    [InlineData("[]")]
    [InlineData("")]
    public async Task HostileBodiesAreRefusedWith400AndLeaveTheConflictOpen(string json)
    {
        var (g, eventId, conflictId) = await SeedAsync();

        var response = await PostAsync(g.User, conflictId, json);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Null((await ConflictSeed.StoredAsync(_app.Services, conflictId)).ResolvedAt);
        Assert.Equal(1, (await _app.AppEventsAsync(g.User.Id)).Single(e => e.Id == eventId).Version);
    }

    [Fact]
    public async Task AnotherUsersConflictIsNotFoundNotListedAndUntouched()
    {
        var (g, _, conflictId) = await SeedAsync();
        var stranger = await _app.CreateUserAsync();

        Assert.Equal(HttpStatusCode.NotFound, (await PostAsync(stranger, conflictId, """{ "choice": "remote" }""")).StatusCode);
        Assert.Equal(0, (await (await stranger.Api.GetAsync("/api/calendar/conflicts")).ReadJsonAsync()).GetProperty("data").GetArrayLength());
        Assert.Null((await ConflictSeed.StoredAsync(_app.Services, conflictId)).ResolvedAt);
        Assert.Equal(HttpStatusCode.NotFound, (await PostAsync(g.User, Guid.NewGuid(), """{ "choice": "remote" }""")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await g.User.Api.PostAsync("/api/calendar/conflicts/not-a-guid/resolve", Json("""{ "choice": "remote" }"""))).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await _app.CreateClient().GetAsync("/api/calendar/conflicts")).StatusCode);
    }

    [Fact]
    public async Task BothRoutesAreInTheOpenApiDocument()
    {
        using var response = await _app.CreateClient().GetAsync("/openapi/v1.json");
        var paths = (await response.ReadJsonAsync()).GetProperty("paths");
        Assert.True(paths.GetProperty("/api/calendar/conflicts").TryGetProperty("get", out _));
        Assert.True(paths.GetProperty("/api/calendar/conflicts/{id}/resolve").TryGetProperty("post", out _));
    }

    /// <summary>A Google-connected user's event edited in the app and in Google at once; the app's later edit was kept.</summary>
    private async Task<(GoogleUser G, Guid EventId, Guid ConflictId)> SeedAsync()
    {
        var g = await _app.ConnectGoogleAsync();
        var start = DateTime.UtcNow.Date.AddDays(2).AddHours(9);
        var (eventId, conflictId) = await ConflictSeed.AddAsync(_app.Services, g.User.Id, g.IntegrationId, ConflictOutcome.LocalWon, "Title,Location",
            ConflictSeed.Agreed(start) with { Title = "Dentist", Location = "Main St 4" }, ConflictSeed.Agreed(start) with { Title = "Dentist (moved)", Location = "Oak Rd 9" },
            ConflictSeed.Agreed(start) with { Title = "Dentist appt" });
        await Eventually.TrueAsync(async () => await _app.OutboxDrainedAsync(g.User.Id), "the event is in Google");
        return (g, eventId, conflictId);
    }

    private static Task<HttpResponseMessage> PostAsync(TestUser user, Guid conflictId, string json) =>
        user.Api.PostAsync($"/api/calendar/conflicts/{conflictId}/resolve", Json(json));

    private static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");

    /// <summary>Read with the app's own options, so enums read as the app writes them (numbers or names).</summary>
    private async Task<T> ReadAsync<T>(HttpResponseMessage response) =>
        (await response.Content.ReadFromJsonAsync<T>(_app.Get<IOptions<HttpJsonOptions>>().Value.SerializerOptions))!;
}
