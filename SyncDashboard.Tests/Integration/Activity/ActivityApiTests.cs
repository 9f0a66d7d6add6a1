using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.Options;
using SyncDashboard.Core.Domain;
using SyncDashboard.Core.Sync.Activity;
using SyncDashboard.Emulators.Google;
using SyncDashboard.Tests.Infrastructure;
using SyncDashboard.Tests.Integration.Google;

namespace SyncDashboard.Tests.Integration.Activity;

/// <summary>The activity API over HTTP: runs, changes by state, and Retry of a dead letter (ADR 0020).</summary>
[Collection(AppCollection.Name)]
public sealed class ActivityApiTests(AppFixture fixture)
{
    private static DateTimeOffset Tomorrow(int hour) => new(DateTime.UtcNow.Date.AddDays(1).AddHours(hour), TimeSpan.Zero);

    [Fact]
    public async Task ADeadLetteredChangeIsListedWithItsErrorAndRetrySendsItToGoogle()
    {
        // One attempt before giving up, so a Google outage dead-letters the change at once.
        await using var host = await AppHost.StartAsync(new Dictionary<string, string?> { ["Sync:MaxAttempts"] = "1" });
        var g = await host.ConnectGoogleAsync();
        var google = host.Get<GoogleEmulator>();
        google.AddFault(new FaultRule(FaultKind.Error503, Count: 1000, PathContains: g.CalendarId, Method: "POST"));
        await g.User.Api.PostJsonAsync("/api/events", new { title = "Sent after an outage", start = Tomorrow(9), end = Tomorrow(10) });

        OutboxChangeDto? dead = null;
        await Eventually.TrueAsync(async () =>
        {
            var items = await GetDataAsync<List<OutboxChangeDto>>(host, g.User, "/api/calendar/sync/queue/items?state=DEAD_LETTERED");
            dead = items.SingleOrDefault();
            return dead is not null;
        }, "the change was dead-lettered");
        Assert.Equal(("Sent after an outage", OutboxState.DeadLettered, true), (dead!.EventTitle, dead.State, dead.CanRetry));
        Assert.False(string.IsNullOrEmpty(dead.LastError));
        var runs = await GetDataAsync<List<SyncRunDto>>(host, g.User, $"/api/calendar/sync/runs?integrationId={g.IntegrationId}");
        Assert.Contains(runs, r => r.Kind == SyncRunKind.Push && r.Failed == 1);

        google.ClearFaults();
        var retried = await g.User.Api.PostAsync($"/api/calendar/sync/queue/items/{dead.Id}/retry", null);
        Assert.Equal(HttpStatusCode.OK, retried.StatusCode);
        Assert.True((await retried.ReadJsonAsync()).GetProperty("success").GetBoolean());

        await Eventually.TrueAsync(() => google.Events(g.CalendarId).Any(e => e.Summary == "Sent after an outage"), "the retried change reached Google");
        await Eventually.TrueAsync(async () => (await GetDataAsync<List<OutboxChangeDto>>(host, g.User, "/api/calendar/sync/queue/items")).Count == 0,
            "nothing is left failed or dead-lettered");
        runs = await GetDataAsync<List<SyncRunDto>>(host, g.User, $"/api/calendar/sync/runs?integrationId={g.IntegrationId}");
        Assert.Contains(runs, r => r.Kind == SyncRunKind.Push && r.Created == 1);
    }

    [Fact]
    public async Task RetryIsTheCallersOwnAndOnlyForWhatFailedAndHostileInputIs4xx()
    {
        var app = fixture.App;
        var g = await app.ConnectGoogleAsync();
        var bob = await app.CreateUserAsync("bob");
        await g.User.Api.PostJsonAsync("/api/events", new { title = "Sent fine", start = Tomorrow(11), end = Tomorrow(12) });
        await Eventually.TrueAsync(async () => (await app.OutboxAsync(g.User.Id)).Any(o => o.State == OutboxState.Completed), "the change was sent");
        var sent = (await app.OutboxAsync(g.User.Id)).First(o => o.State == OutboxState.Completed);

        Assert.Equal(HttpStatusCode.Conflict, (await g.User.Api.PostAsync($"/api/calendar/sync/queue/items/{sent.Id}/retry", null)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await bob.Api.PostAsync($"/api/calendar/sync/queue/items/{sent.Id}/retry", null)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await g.User.Api.PostAsync($"/api/calendar/sync/queue/items/{long.MaxValue}/retry", null)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await g.User.Api.PostAsync("/api/calendar/sync/queue/items/abc/retry", null)).StatusCode);
        Assert.Equal(OutboxState.Completed, (await app.OutboxAsync(g.User.Id)).Single(o => o.Id == sent.Id).State);

        foreach (var query in new[] { "state=SENT", "state=1", "state=-1", "take=0", "take=100000", "state=" + new string('x', 500) })
            Assert.Equal(HttpStatusCode.BadRequest, (await g.User.Api.GetAsync("/api/calendar/sync/queue/items?" + query)).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await g.User.Api.GetAsync("/api/calendar/sync/runs?take=-5")).StatusCode);

        // Bob sees none of the first user's runs or changes: naming the integration is naming something he does not have.
        Assert.Empty(await GetDataAsync<List<OutboxChangeDto>>(app, bob, "/api/calendar/sync/queue/items?state=completed"));
        Assert.Equal(HttpStatusCode.NotFound, (await bob.Api.GetAsync($"/api/calendar/sync/runs?integrationId={g.IntegrationId}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await bob.Api.GetAsync($"/api/calendar/sync/queue/items?integrationId={g.IntegrationId}")).StatusCode);
        Assert.Contains(await GetDataAsync<List<OutboxChangeDto>>(app, g.User, $"/api/calendar/sync/queue/items?state=completed,dead_lettered&integrationId={g.IntegrationId}"),
            c => c.Id == sent.Id && c.State == OutboxState.Completed && !c.CanRetry);
    }

    /// <summary>The answer's <c>data</c>, read with the app's own JSON options (enums as the app writes them).</summary>
    private static async Task<T> GetDataAsync<T>(AppHost app, TestUser user, string url)
    {
        var response = await user.Api.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var options = app.Get<IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions>>().Value.SerializerOptions;
        var body = await response.Content.ReadFromJsonAsync<JsonElement>(options);
        Assert.True(body.GetProperty("success").GetBoolean());
        return body.GetProperty("data").Deserialize<T>(options)!;
    }
}
