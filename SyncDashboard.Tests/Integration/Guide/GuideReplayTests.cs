using System.Net;
using System.Text;
using System.Text.Json;
using SyncDashboard.Emulators.Google;
using SyncDashboard.Emulators.Notion;
using SyncDashboard.Tests.Infrastructure;
using SyncDashboard.Tests.Integration.Google;
using SyncDashboard.Tests.Integration.Notion;
using static SyncDashboard.Tests.Integration.Guide.JsonShape;

namespace SyncDashboard.Tests.Integration.Guide;

/// <summary>A host whose create waits long enough for the emulators even on a loaded machine, so delivery is what is tested.</summary>
public sealed class GuideHostFixture : IAsyncLifetime
{
    public AppHost App { get; private set; } = default!;

    public async Task InitializeAsync() =>
        App = await NotionTestKit.StartQuietHostAsync(new Dictionary<string, string?> { ["Api:ExternalSyncWait"] = "00:00:15" });

    public async Task DisposeAsync() => await App.DisposeAsync();
}

/// <summary>
/// Each request of the setup guide, sent as it is written there (method, path, body, bearer token) to a user connected to
/// an emulated Google calendar and Notion database, and each answer checked field by field: names, casing and types.
/// </summary>
public sealed class GuideReplayTests(GuideHostFixture fixture) : IClassFixture<GuideHostFixture>
{
    private AppHost App => fixture.App;

    private static string Iso(DateTimeOffset t) => t.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'.000Z'");

    private static readonly DateTimeOffset Tomorrow10 = new(DateTime.UtcNow.Date.AddDays(1).AddHours(10), TimeSpan.Zero);

    private async Task<(GoogleUser Google, NotionAccount Notion)> ConnectedUserAsync()
    {
        var google = await App.ConnectGoogleAsync();
        var notion = await App.ConnectNotionAsync(google.User);
        return (google, notion);
    }

    private static async Task<JsonElement> Send(HttpClient api, HttpMethod method, string url, string? json = null, HttpStatusCode expected = HttpStatusCode.OK)
    {
        using var request = new HttpRequestMessage(method, url);
        if (json is not null) request.Content = new StringContent(json, Encoding.UTF8, "application/json");
        using var response = await api.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(expected == response.StatusCode, $"{method} {url} answered {(int)response.StatusCode}: {body}");
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    [Fact]
    public async Task ListingIntegrationsAnswersSuccessAndDataWithUpperCaseProviders()
    {
        var (g, n) = await ConnectedUserAsync();

        var answer = await Send(g.User.Api, HttpMethod.Get, "/api/calendar/integrations");

        Has(answer, F("success", Bool), F("data", JsonValueKind.Array));
        Assert.True(answer.GetProperty("success").GetBoolean());
        var items = answer.GetProperty("data").EnumerateArray().ToList();
        Assert.Equal(2, items.Count);
        foreach (var item in items)
        {
            Has(item, F("id", JsonValueKind.String), F("provider", JsonValueKind.String), F("isActive", Bool), F("lastSyncAt", StringOrNull),
                F("lastSyncError", StringOrNull), F("webhookId", StringOrNull), F("webhookExpiry", StringOrNull));
            Assert.True(item.GetProperty("isActive").GetBoolean());
        }
        var google = Assert.Single(items, i => i.GetProperty("provider").GetString() == "GOOGLE");
        var notion = Assert.Single(items, i => i.GetProperty("provider").GetString() == "NOTION");
        Assert.Equal(g.IntegrationId, google.GetProperty("id").GetGuid());
        Assert.Equal(n.IntegrationId, notion.GetProperty("id").GetGuid());
        // Google's push channel is the webhook; a Notion database's webhook has no id or expiry of ours.
        Assert.Equal(JsonValueKind.String, google.GetProperty("webhookId").ValueKind);
        Assert.True(google.GetProperty("webhookExpiry").GetDateTimeOffset() > DateTimeOffset.UtcNow);
        Assert.Equal(JsonValueKind.Null, notion.GetProperty("webhookId").ValueKind);
        // The app's own fields beside the guide's are names too, never numbers.
        Assert.Equal("TWO_WAY", google.GetProperty("direction").GetString());
        Assert.Equal("ACTIVE", google.GetProperty("status").GetString());
    }

    [Fact]
    public async Task SyncingOneIntegrationPullsItAndAnswersSuccessWithTheCounts()
    {
        var (g, _) = await ConnectedUserAsync();
        App.Get<GoogleEmulator>().InsertEvent(g.CalendarId, GoogleTestKit.TimedEvent("Made in Google", Tomorrow10));

        var answer = await Send(g.User.Api, HttpMethod.Post, $"/api/calendar/integrations/{g.IntegrationId}/sync");

        Has(answer, F("success", Bool), F("created", JsonValueKind.Number), F("updated", JsonValueKind.Number), F("deleted", JsonValueKind.Number),
            F("sent", JsonValueKind.Number), F("failed", JsonValueKind.Number), F("errors", JsonValueKind.Array));
        Assert.True(answer.GetProperty("success").GetBoolean());
        Assert.Contains(await App.AppEventsAsync(g.User.Id), e => e.Title == "Made in Google");
    }

    [Fact]
    public async Task CreatingAnEventWithTheGuidesBodyAnswersTheEventAndWhereItWasDelivered()
    {
        var (g, n) = await ConnectedUserAsync();
        var body = $$"""{"title":"Team meeting","startDateTime":"{{Iso(Tomorrow10)}}","endDateTime":"{{Iso(Tomorrow10.AddHours(1))}}"}""";

        var answer = await Send(g.User.Api, HttpMethod.Post, "/api/events", body, HttpStatusCode.Created);

        Has(answer, F("success", Bool), F("event", JsonValueKind.Object), F("externalSync", JsonValueKind.Array));
        Assert.True(answer.GetProperty("success").GetBoolean());
        var ev = answer.GetProperty("event");
        Has(ev, F("id", JsonValueKind.String), F("title", JsonValueKind.String), F("start", JsonValueKind.String), F("end", JsonValueKind.String));
        Assert.Equal("Team meeting", ev.GetProperty("title").GetString());
        Assert.Equal(Tomorrow10, ev.GetProperty("start").GetDateTimeOffset());
        var sync = answer.GetProperty("externalSync").EnumerateArray().ToList();
        Assert.Equal(2, sync.Count);
        foreach (var item in sync)
        {
            Has(item, F("provider", JsonValueKind.String), F("success", Bool), F("externalId", JsonValueKind.String),
                F("queued", Bool), F("error", JsonValueKind.Null));
            Assert.True(item.GetProperty("success").GetBoolean(), $"delivered during the request: {item}");
            Assert.False(item.GetProperty("queued").GetBoolean());
        }
        var googleId = Assert.Single(sync, s => s.GetProperty("provider").GetString() == "GOOGLE").GetProperty("externalId").GetString();
        var pageId = Assert.Single(sync, s => s.GetProperty("provider").GetString() == "NOTION").GetProperty("externalId").GetString();
        Assert.Equal("Team meeting", App.Get<GoogleEmulator>().GetEvent(g.CalendarId, googleId!).Summary);
        Assert.Contains(App.LivePages(n), p => p.Id == pageId);
        // Callers written before the guide read the event at the top level, as always.
        Assert.Equal(ev.GetProperty("id").GetGuid(), answer.GetProperty("id").GetGuid());
        Assert.Equal("Team meeting", answer.GetProperty("title").GetString());
    }

    [Fact]
    public async Task TheQueueAnswersStatsProcessesAndCleansUpAsTheGuideWritesIt()
    {
        var (g, _) = await ConnectedUserAsync();
        await Send(g.User.Api, HttpMethod.Post, "/api/events",
            $$"""{"title":"Queued","startDateTime":"{{Iso(Tomorrow10)}}","endDateTime":"{{Iso(Tomorrow10.AddHours(1))}}"}""", HttpStatusCode.Created);

        var stats = await Send(g.User.Api, HttpMethod.Get, "/api/calendar/sync/queue");
        Has(stats, F("success", Bool), F("stats", JsonValueKind.Object), F("oldestPendingAge", NumberOrNull));
        Has(stats.GetProperty("stats"), F("PENDING", JsonValueKind.Number), F("IN_FLIGHT", JsonValueKind.Number), F("COMPLETED", JsonValueKind.Number),
            F("FAILED", JsonValueKind.Number), F("DEAD_LETTERED", JsonValueKind.Number), F("HELD", JsonValueKind.Number));
        Assert.Equal(2, stats.GetProperty("stats").GetProperty("COMPLETED").GetInt32());

        var processed = await Send(g.User.Api, HttpMethod.Post, "/api/calendar/sync/queue");
        Has(processed, F("success", Bool), F("processed", JsonValueKind.Number), F("sent", JsonValueKind.Number));
        Assert.True(processed.GetProperty("success").GetBoolean());

        var cleaned = await Send(g.User.Api, HttpMethod.Delete, "/api/calendar/sync/queue?olderThan=7");
        Has(cleaned, F("success", Bool), F("deleted", JsonValueKind.Number), F("olderThan", JsonValueKind.Number));
        Assert.Equal((0, 7), (cleaned.GetProperty("deleted").GetInt32(), cleaned.GetProperty("olderThan").GetInt32()));
    }

    [Fact]
    public async Task NotionPullAnswersTheSameToThePostAndToTheTroubleshootingGet()
    {
        var (g, n) = await ConnectedUserAsync();
        App.CreatePage(n, "Made in Notion", NotionValues.Date(Iso(Tomorrow10)));

        var posted = await Send(g.User.Api, HttpMethod.Post, "/api/calendar/sync/notion/pull", $$"""{"integrationId":"{{n.IntegrationId}}"}""");
        var got = await Send(g.User.Api, HttpMethod.Get, $"/api/calendar/sync/notion/pull?integrationId={n.IntegrationId}");

        foreach (var answer in new[] { posted, got })
        {
            Has(answer, F("success", Bool), F("integrationId", JsonValueKind.String), F("created", JsonValueKind.Number), F("updated", JsonValueKind.Number),
                F("deleted", JsonValueKind.Number), F("requests", JsonValueKind.Number), F("error", JsonValueKind.Null));
            Assert.True(answer.GetProperty("success").GetBoolean());
        }
        Assert.Equal(1, posted.GetProperty("created").GetInt32());
        Assert.Contains(await App.AppEventsAsync(g.User.Id), e => e.Title == "Made in Notion");
    }
}
