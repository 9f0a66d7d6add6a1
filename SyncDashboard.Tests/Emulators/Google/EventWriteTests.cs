using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace SyncDashboard.Tests.Emulators.Google;

public sealed class EventWriteTests(GoogleEmulatorHost host) : IClassFixture<GoogleEmulatorHost>
{
    [Fact]
    public async Task InsertGetPatchDeleteRoundTrip()
    {
        var user = host.NewUser();
        using var inserted = await user.InsertAsync(new
        {
            summary = "Standup", location = "Room 1",
            start = new { dateTime = "2026-03-02T09:00:00Z" }, end = new { dateTime = "2026-03-02T09:15:00Z" },
            extendedProperties = new { @private = new Dictionary<string, string> { ["notionPageId"] = "p1", ["keep"] = "k" } },
        });
        var created = await inserted.Content.ReadFromJsonAsync<JsonElement>();
        var id = created.GetProperty("id").GetString()!;
        Assert.Equal("calendar#event", created.GetProperty("kind").GetString());
        Assert.Equal("confirmed", created.GetProperty("status").GetString());
        Assert.Equal(inserted.Headers.ETag!.Tag, created.GetProperty("etag").GetString());
        Assert.Matches(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$", created.GetProperty("updated").GetString()!);
        Assert.False(created.TryGetProperty("description", out _)); // nulls are omitted

        var fetched = await user.GetJsonAsync($"{user.Events}/{id}");
        Assert.Equal("Standup", fetched.GetProperty("summary").GetString());

        var patch = new StringContent("""{"summary":"Daily","extendedProperties":{"private":{"keep":null}}}""", Encoding.UTF8, "application/json");
        using var patched = await user.Api.PatchAsync($"{user.Events}/{id}", patch);
        var after = await patched.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(HttpStatusCode.OK, patched.StatusCode);
        Assert.Equal("Daily", after.GetProperty("summary").GetString());
        Assert.Equal("Room 1", after.GetProperty("location").GetString());
        var props = after.GetProperty("extendedProperties").GetProperty("private");
        Assert.Equal("p1", props.GetProperty("notionPageId").GetString());
        Assert.False(props.TryGetProperty("keep", out _));
        Assert.NotEqual(created.GetProperty("etag").GetString(), after.GetProperty("etag").GetString());

        using var deleted = await user.Api.DeleteAsync($"{user.Events}/{id}");
        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        var tombstone = await user.GetJsonAsync($"{user.Events}/{id}");
        Assert.Equal("cancelled", tombstone.GetProperty("status").GetString());
        using var again = await user.Api.DeleteAsync($"{user.Events}/{id}");
        Assert.Equal(HttpStatusCode.Gone, again.StatusCode);
        Assert.Contains("\"reason\":\"deleted\"", await again.Content.ReadAsStringAsync());
        using var missing = await user.Api.DeleteAsync($"{user.Events}/abcdef12345");
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
    }

    [Fact]
    public async Task StaleIfMatchIsRefusedWith412()
    {
        var user = host.NewUser();
        var created = await user.InsertOkAsync(GoogleBodies.Timed("A", "2026-03-02T09:00:00Z", "2026-03-02T10:00:00Z"));
        var id = created.GetProperty("id").GetString()!;
        var staleEtag = created.GetProperty("etag").GetString()!;
        host.Emulator.PatchEvent(user.CalendarId, id, new SyncDashboard.Emulators.Google.Wire.GoogleEvent { Summary = "Changed on Google" });

        using var request = new HttpRequestMessage(HttpMethod.Patch, $"{user.Events}/{id}")
        {
            Content = new StringContent("""{"summary":"Mine"}""", Encoding.UTF8, "application/json"),
        };
        request.Headers.IfMatch.Add(EntityTagHeaderValue.Parse(staleEtag));
        using var response = await user.Api.SendAsync(request);

        Assert.Equal(HttpStatusCode.PreconditionFailed, response.StatusCode);
        Assert.Equal("""{"error":{"errors":[{"domain":"global","reason":"conditionNotMet","message":"Precondition Failed","locationType":"header","location":"If-Match"}],"code":412,"message":"Precondition Failed"}}""",
            await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task PutReplacesAndHonoursCurrentIfMatch()
    {
        var user = host.NewUser();
        var created = await user.InsertOkAsync(new
        {
            summary = "A", location = "L", start = new { dateTime = "2026-03-02T09:00:00Z" }, end = new { dateTime = "2026-03-02T10:00:00Z" },
        });
        var id = created.GetProperty("id").GetString()!;
        using var request = new HttpRequestMessage(HttpMethod.Put, $"{user.Events}/{id}")
        {
            Content = JsonContent.Create(GoogleBodies.Timed("B", "2026-03-03T09:00:00Z", "2026-03-03T10:00:00Z")),
        };
        request.Headers.TryAddWithoutValidation("If-Match", created.GetProperty("etag").GetString());
        using var response = await user.Api.SendAsync(request);
        var replaced = await response.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("B", replaced.GetProperty("summary").GetString());
        Assert.False(replaced.TryGetProperty("location", out _));
        Assert.Equal(1, replaced.GetProperty("sequence").GetInt32());
    }

    [Fact]
    public async Task DuplicateIdIncludingDeletedIs409()
    {
        var user = host.NewUser();
        await user.InsertOkAsync(GoogleBodies.Timed("A", "2026-03-02T09:00:00Z", "2026-03-02T10:00:00Z", id: "evt0001abc"));
        using var duplicate = await user.InsertAsync(GoogleBodies.Timed("A", "2026-03-02T09:00:00Z", "2026-03-02T10:00:00Z", id: "evt0001abc"));
        Assert.Equal(HttpStatusCode.Conflict, duplicate.StatusCode);
        Assert.Contains("\"reason\":\"duplicate\"", await duplicate.Content.ReadAsStringAsync());

        (await user.Api.DeleteAsync($"{user.Events}/evt0001abc")).Dispose();
        using var afterDelete = await user.InsertAsync(GoogleBodies.Timed("A", "2026-03-02T09:00:00Z", "2026-03-02T10:00:00Z", id: "evt0001abc"));
        Assert.Equal(HttpStatusCode.Conflict, afterDelete.StatusCode);
    }

    [Theory]
    [InlineData("ABCDEF123")]
    [InlineData("abc-def-123")]
    [InlineData("wxyz12345")]
    [InlineData("abcd")]
    public async Task InvalidIdIs400(string id)
    {
        var user = host.NewUser();
        using var response = await user.InsertAsync(GoogleBodies.Timed("A", "2026-03-02T09:00:00Z", "2026-03-02T10:00:00Z", id));
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("\"reason\":\"invalid\"", body);
        Assert.Contains("Invalid resource id value.", body);
    }

    [Fact]
    public async Task InvalidTimesAreRefused()
    {
        var user = host.NewUser();
        using var mixed = await user.InsertAsync(new { start = new { date = "2026-03-02" }, end = new { dateTime = "2026-03-02T10:00:00Z" } });
        using var empty = await user.InsertAsync(GoogleBodies.Timed("A", "2026-03-02T10:00:00Z", "2026-03-02T10:00:00Z"));
        using var noEnd = await user.InsertAsync(new { start = new { date = "2026-03-02" } });
        using var recurringNoZone = await user.InsertAsync(new
        {
            start = new { dateTime = "2026-03-02T09:00:00Z" }, end = new { dateTime = "2026-03-02T10:00:00Z" },
            recurrence = new[] { "RRULE:FREQ=DAILY;COUNT=3" },
        });

        Assert.Equal(HttpStatusCode.BadRequest, mixed.StatusCode);
        Assert.Contains("Start and end times must either both be date or both be dateTime.", await mixed.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);
        Assert.Contains("\"reason\":\"timeRangeEmpty\"", await empty.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.BadRequest, noEnd.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, recurringNoZone.StatusCode);
    }

    [Fact]
    public async Task DateTimeIsReturnedInTheEventZone()
    {
        var user = host.NewUser();
        var created = await user.InsertOkAsync(new
        {
            start = new { dateTime = "2026-07-01T09:00:00", timeZone = "Europe/Berlin" },
            end = new { dateTime = "2026-07-01T08:00:00Z", timeZone = "Europe/Berlin" },
        });

        Assert.Equal("2026-07-01T09:00:00+02:00", created.GetProperty("start").GetProperty("dateTime").GetString());
        Assert.Equal("2026-07-01T10:00:00+02:00", created.GetProperty("end").GetProperty("dateTime").GetString());
        Assert.Equal("Europe/Berlin", created.GetProperty("start").GetProperty("timeZone").GetString());
    }
}
