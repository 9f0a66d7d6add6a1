using System.Net;
using System.Text;
using System.Text.Json;
using SyncDashboard.Tests.Infrastructure;

namespace SyncDashboard.Tests.Integration;

[Collection(AppCollection.Name)]
public sealed class EventsApiTests(AppFixture fixture)
{
    private readonly AppHost _app = fixture.App;
    private static readonly DateTimeOffset Start = new(2026, 12, 1, 9, 0, 0, TimeSpan.Zero);

    private static object NewEvent(string title = "Planning", DateTimeOffset? start = null) => new
    {
        title,
        start = start ?? Start,
        end = (start ?? Start).AddHours(1),
        location = "Room 1",
        description = "Quarterly",
        notes = "bring numbers",
    };

    [Fact]
    public async Task CreateReadUpdateDeleteRoundTrip()
    {
        var user = await _app.CreateUserAsync();
        var created = await user.Api.PostJsonAsync("/api/events", NewEvent());
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var body = await created.ReadJsonAsync();
        var id = body.GetProperty("id").GetGuid();
        Assert.Equal("Planning", body.GetProperty("title").GetString());
        Assert.Equal(JsonValueKind.Array, body.GetProperty("externalSync").ValueKind);
        Assert.Equal(0, body.GetProperty("externalSync").GetArrayLength());
        Assert.Equal($"/api/events/{id}", created.Headers.Location!.OriginalString);

        var list = await (await user.Api.GetAsync($"/api/events?from={Esc(Start.AddDays(-1))}&to={Esc(Start.AddDays(1))}")).ReadJsonAsync();
        Assert.Contains(list.EnumerateArray(), e => e.GetProperty("id").GetGuid() == id);

        var updated = await user.Api.PutJsonAsync($"/api/events?id={id}", new { title = "Planning (moved)", start = Start.AddHours(2), end = Start.AddHours(3) });
        Assert.Equal(HttpStatusCode.OK, updated.StatusCode);
        var u = await updated.ReadJsonAsync();
        Assert.Equal("Planning (moved)", u.GetProperty("title").GetString());
        Assert.Equal(2, u.GetProperty("version").GetInt32());
        Assert.Equal(Start.AddHours(2), u.GetProperty("start").GetDateTimeOffset());

        Assert.Equal(HttpStatusCode.NoContent, (await user.Api.DeleteAsync($"/api/events?id={id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await user.Api.GetAsync($"/api/events/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await user.Api.DeleteAsync($"/api/events?id={id}")).StatusCode);
    }

    [Fact]
    public async Task EndBeforeStartGetsValidationProblemAndChangesNothing()
    {
        var user = await _app.CreateUserAsync();
        var response = await user.Api.PostJsonAsync("/api/events", new { title = "Backwards", start = Start, end = Start.AddHours(-1) });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        var problem = await response.ReadJsonAsync();
        Assert.Equal("End must be after start.", problem.GetProperty("errors").GetProperty("end")[0].GetString());
        Assert.Equal(0, await CountAsync(user));
    }

    [Fact]
    public async Task MissingTitleAndOverLongFieldsAreNamedInTheProblem()
    {
        var user = await _app.CreateUserAsync();
        var response = await user.Api.PostJsonAsync("/api/events", new { start = Start, end = Start.AddHours(1), location = new string('x', 501) });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.ReadJsonAsync()).GetProperty("errors");
        Assert.True(errors.TryGetProperty("title", out _));
        Assert.True(errors.TryGetProperty("location", out _));
        Assert.Equal(0, await CountAsync(user));
    }

    [Fact]
    public async Task MalformedJsonGetsAClearBadRequest()
    {
        var user = await _app.CreateUserAsync();
        var response = await user.Api.PostAsync("/api/events", new StringContent("{\"title\": \"x\", \"start\": ", Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.ReadJsonAsync();
        Assert.Contains("JSON", problem.GetProperty("title").GetString());
        Assert.Equal(0, await CountAsync(user));
    }

    [Fact]
    public async Task UpdateOfUnknownIdIsNotFound()
    {
        var user = await _app.CreateUserAsync();
        var response = await user.Api.PutJsonAsync($"/api/events?id={Guid.NewGuid()}", NewEvent());
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task MalformedIdIsBadRequest()
    {
        var user = await _app.CreateUserAsync();
        Assert.Equal(HttpStatusCode.BadRequest, (await user.Api.DeleteAsync("/api/events?id=not-a-guid")).StatusCode);
    }

    [Fact]
    public async Task StaleVersionIsAConflictAndKeepsTheNewerEdit()
    {
        var user = await _app.CreateUserAsync();
        var id = (await (await user.Api.PostJsonAsync("/api/events", NewEvent())).ReadJsonAsync()).GetProperty("id").GetGuid();
        await user.Api.PutJsonAsync($"/api/events?id={id}", new { title = "First edit", start = Start, end = Start.AddHours(1), version = 1 });
        var stale = await user.Api.PutJsonAsync($"/api/events?id={id}", new { title = "Stale edit", start = Start, end = Start.AddHours(1), version = 1 });
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        var current = await (await user.Api.GetAsync($"/api/events/{id}")).ReadJsonAsync();
        Assert.Equal("First edit", current.GetProperty("title").GetString());
    }

    [Fact]
    public async Task AllDayEventRoundTripsAsDates()
    {
        var user = await _app.CreateUserAsync();
        var response = await user.Api.PostJsonAsync("/api/events", new { title = "Offsite", start = "2026-12-04", end = "2026-12-06", allDay = true });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var e = await response.ReadJsonAsync();
        Assert.True(e.GetProperty("isAllDay").GetBoolean());
        Assert.Equal(new DateTimeOffset(2026, 12, 4, 0, 0, 0, TimeSpan.Zero), e.GetProperty("start").GetDateTimeOffset());
        Assert.Equal(new DateTimeOffset(2026, 12, 6, 0, 0, 0, TimeSpan.Zero), e.GetProperty("end").GetDateTimeOffset());
    }

    [Fact]
    public async Task UnauthenticatedRequestsGet401NotARedirect()
    {
        using var anonymous = _app.CreateClient();
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/api/events")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.PostJsonAsync("/api/events", NewEvent())).StatusCode);
    }

    [Fact]
    public async Task HealthAndOpenApiAreServed()
    {
        using var anonymous = _app.CreateClient();
        var health = await anonymous.GetAsync("/health");
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        Assert.Equal("Healthy", await health.Content.ReadAsStringAsync());
        var openApi = await (await anonymous.GetAsync("/openapi/v1.json")).ReadJsonAsync();
        Assert.True(openApi.GetProperty("paths").TryGetProperty("/api/events", out _));
        Assert.True(openApi.GetProperty("paths").TryGetProperty("/api/calendar/upcoming", out _));
    }

    private static async Task<int> CountAsync(TestUser user) =>
        (await (await user.Api.GetAsync($"/api/events?from={Esc(Start.AddDays(-30))}&to={Esc(Start.AddDays(30))}")).ReadJsonAsync()).GetArrayLength();

    internal static string Esc(DateTimeOffset d) => Uri.EscapeDataString(d.ToString("O"));
}
