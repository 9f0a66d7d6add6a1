using System.Net;
using System.Text.Json;

namespace SyncDashboard.Tests.Emulators.Google;

public sealed class EventSyncTests(GoogleEmulatorHost host) : IClassFixture<GoogleEmulatorHost>
{
    private const string FullSyncRequired =
        """{"error":{"errors":[{"domain":"calendar","reason":"fullSyncRequired","message":"Sync token is no longer valid, a full sync is required.","locationType":"parameter","location":"syncToken"}],"code":410,"message":"Sync token is no longer valid, a full sync is required."}}""";

    [Fact]
    public async Task FullSyncPagesThenIssuesSyncTokenOnLastPageOnly()
    {
        var user = await UserWithEventsAsync(5);

        var (ids, pages, syncToken) = await ListAllAsync(user, "maxResults=2");

        Assert.Equal(5, ids.Count);
        Assert.Equal(5, ids.Distinct().Count());
        Assert.Equal(3, pages.Count);
        Assert.All(pages[..^1], p => Assert.False(p.TryGetProperty("nextSyncToken", out _)));
        Assert.False(pages[^1].TryGetProperty("nextPageToken", out _));
        Assert.False(string.IsNullOrEmpty(syncToken));
        Assert.Equal("calendar#events", pages[0].GetProperty("kind").GetString());
        Assert.Equal("owner", pages[0].GetProperty("accessRole").GetString());
        Assert.Equal(JsonValueKind.Array, pages[0].GetProperty("defaultReminders").ValueKind);
    }

    [Fact]
    public async Task IncrementalSyncReturnsOnlyChangesWithMinimalTombstones()
    {
        var user = await UserWithEventsAsync(3);
        var (ids, _, token) = await ListAllAsync(user, "");
        host.Emulator.PatchEvent(user.CalendarId, ids[0], new SyncDashboard.Emulators.Google.Wire.GoogleEvent { Summary = "edited" });
        host.Emulator.DeleteEvent(user.CalendarId, ids[1]);

        var page = await user.GetJsonAsync($"{user.Events}?syncToken={Uri.EscapeDataString(token)}");
        var items = page.GetProperty("items").EnumerateArray().ToList();

        Assert.Equal(2, items.Count);
        var edited = items.Single(i => i.GetProperty("id").GetString() == ids[0]);
        Assert.Equal("edited", edited.GetProperty("summary").GetString());
        var tombstone = items.Single(i => i.GetProperty("id").GetString() == ids[1]);
        Assert.Equal(["etag", "id", "kind", "status"], tombstone.EnumerateObject().Select(p => p.Name).Order().ToArray());
        Assert.Equal("cancelled", tombstone.GetProperty("status").GetString());

        var next = page.GetProperty("nextSyncToken").GetString()!;
        var quiet = await user.GetJsonAsync($"{user.Events}?syncToken={Uri.EscapeDataString(next)}");
        Assert.Empty(quiet.GetProperty("items").EnumerateArray());
    }

    [Fact]
    public async Task IncrementalPagingRepeatsTheSyncToken()
    {
        var user = await UserWithEventsAsync(1);
        var (_, _, token) = await ListAllAsync(user, "");
        for (var i = 0; i < 5; i++)
        {
            host.Emulator.InsertEvent(user.CalendarId, new() { Summary = $"n{i}", Start = new(DateTime: "2026-05-01T10:00:00Z"), End = new(DateTime: "2026-05-01T11:00:00Z") });
        }

        var (ids, pages, nextToken) = await ListAllAsync(user, $"maxResults=2&syncToken={Uri.EscapeDataString(token)}");

        Assert.Equal(5, ids.Distinct().Count());
        Assert.Equal(3, pages.Count);
        Assert.NotEqual(token, nextToken);
    }

    [Fact]
    public async Task InvalidatedOrGarbageSyncTokenIs410FullSyncRequired()
    {
        var user = await UserWithEventsAsync(1);
        var (_, _, token) = await ListAllAsync(user, "");
        using var control = host.Client();
        (await control.PostAsync($"_emulator/calendars/{Uri.EscapeDataString(user.CalendarId)}/expire-sync-tokens", null)).Dispose();

        using var expired = await user.Api.GetAsync($"{user.Events}?syncToken={Uri.EscapeDataString(token)}");
        using var garbage = await user.Api.GetAsync($"{user.Events}?syncToken=CPDAlvWDx70CEPDAlvWDx70CGAU%3D");
        using var otherCalendar = await host.NewUser().Api.GetAsync(
            $"calendar/v3/calendars/primary/events?syncToken={Uri.EscapeDataString(token)}");

        Assert.Equal(HttpStatusCode.Gone, expired.StatusCode);
        Assert.Equal(FullSyncRequired, await expired.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Gone, garbage.StatusCode);
        Assert.Equal(HttpStatusCode.Gone, otherCalendar.StatusCode);
    }

    [Theory]
    [InlineData("timeMin=2026-01-01T00:00:00Z")]
    [InlineData("orderBy=updated")]
    [InlineData("q=x")]
    [InlineData("privateExtendedProperty=a%3Db")]
    public async Task SyncTokenWithForbiddenParameterIs400(string extra)
    {
        var user = await UserWithEventsAsync(1);
        var (_, _, token) = await ListAllAsync(user, "");

        using var response = await user.Api.GetAsync($"{user.Events}?syncToken={Uri.EscapeDataString(token)}&{extra}");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Theory]
    [InlineData("timeMin=2026-01-01T00:00:00")]
    [InlineData("orderBy=startTime")]
    public async Task BadListQueriesAre400(string query)
    {
        var user = host.NewUser();
        using var response = await user.Api.GetAsync($"{user.Events}?{query}");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task TimeWindowBoundsEndByTimeMinAndStartByTimeMaxExclusively()
    {
        var user = host.NewUser();
        await user.InsertOkAsync(GoogleBodies.Timed("ends-at-min", "2026-04-01T08:00:00Z", "2026-04-01T09:00:00Z"));
        await user.InsertOkAsync(GoogleBodies.Timed("inside", "2026-04-01T09:30:00Z", "2026-04-01T10:00:00Z"));
        await user.InsertOkAsync(GoogleBodies.Timed("starts-at-max", "2026-04-01T12:00:00Z", "2026-04-01T13:00:00Z"));

        var page = await user.GetJsonAsync($"{user.Events}?timeMin=2026-04-01T09:00:00Z&timeMax=2026-04-01T12:00:00%2B00:00");

        Assert.Equal(["inside"], page.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("summary").GetString()));
    }

    [Fact]
    public async Task ShowDeletedAndExtendedPropertyFilters()
    {
        var user = host.NewUser();
        var a = await user.InsertOkAsync(new
        {
            summary = "linked", start = new { date = "2026-04-02" }, end = new { date = "2026-04-03" },
            extendedProperties = new { @private = new { source = "notion", page = "p1" } },
        });
        await user.InsertOkAsync(new { summary = "plain", start = new { date = "2026-04-02" }, end = new { date = "2026-04-03" } });
        var gone = await user.InsertOkAsync(new { summary = "gone", start = new { date = "2026-04-02" }, end = new { date = "2026-04-03" } });
        (await user.Api.DeleteAsync($"{user.Events}/{gone.GetProperty("id").GetString()}")).Dispose();

        var filtered = await user.GetJsonAsync($"{user.Events}?privateExtendedProperty=source%3Dnotion&privateExtendedProperty=page%3Dp1");
        var none = await user.GetJsonAsync($"{user.Events}?privateExtendedProperty=source%3Dnotion&privateExtendedProperty=page%3Dp2");
        var visible = await user.GetJsonAsync(user.Events);
        var withDeleted = await user.GetJsonAsync($"{user.Events}?showDeleted=true");

        Assert.Equal([a.GetProperty("id").GetString()], filtered.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetString()));
        Assert.Empty(none.GetProperty("items").EnumerateArray());
        Assert.Equal(2, visible.GetProperty("items").GetArrayLength());
        Assert.Equal(3, withDeleted.GetProperty("items").GetArrayLength());
    }

    private async Task<TestUser> UserWithEventsAsync(int count)
    {
        var user = host.NewUser();
        for (var i = 0; i < count; i++)
        {
            await user.InsertOkAsync(GoogleBodies.Timed($"e{i}", $"2026-03-{i + 1:00}T09:00:00Z", $"2026-03-{i + 1:00}T10:00:00Z"));
        }
        return user;
    }

    /// <summary>Follows nextPageToken to the end, repeating <paramref name="query"/> on every page.</summary>
    private static async Task<(List<string> Ids, List<JsonElement> Pages, string SyncToken)> ListAllAsync(TestUser user, string query)
    {
        var ids = new List<string>();
        var pages = new List<JsonElement>();
        string? pageToken = null;
        while (true)
        {
            var url = $"{user.Events}?{query}" + (pageToken is null ? "" : $"&pageToken={Uri.EscapeDataString(pageToken)}");
            var page = await user.GetJsonAsync(url);
            pages.Add(page);
            ids.AddRange(page.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetString()!));
            if (page.TryGetProperty("nextPageToken", out var next)) { pageToken = next.GetString(); continue; }
            return (ids, pages, page.GetProperty("nextSyncToken").GetString()!);
        }
    }
}
