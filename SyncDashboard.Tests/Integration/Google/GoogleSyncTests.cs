using System.Net;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using SyncDashboard.Core.Domain;
using SyncDashboard.Core.Google;
using SyncDashboard.Core.Persistence;
using SyncDashboard.Core.Sync;
using SyncDashboard.Emulators.Google;
using SyncDashboard.Tests.Infrastructure;
using SyncDashboard.Web.Demo;
using SyncDashboard.Core.Sync.Pull;
using SyncDashboard.Core.Sync.Outbox;

namespace SyncDashboard.Tests.Integration.Google;

[Collection(AppCollection.Name)]
public sealed class GoogleSyncTests(AppFixture fixture)
{
    private readonly AppHost _app = fixture.App;
    private GoogleEmulator Emulator => _app.Get<GoogleEmulator>();
    private static DateTimeOffset Tomorrow(int hour) => new(DateTime.UtcNow.Date.AddDays(1).AddHours(hour), TimeSpan.Zero);

    [Fact]
    public async Task FirstSyncImportsTheCalendar()
    {
        var user = await _app.CreateUserAsync();
        var emulator = Emulator;
        var email = $"g{Guid.NewGuid():N}@example.com";
        emulator.CreateAccount(email, owner: user.EmulatorOwner);
        emulator.InsertEvent(email, GoogleTestKit.TimedEvent("Existing in Google", Tomorrow(9)));
        emulator.InsertEvent(email, new() { Summary = "All-day in Google", Start = new(Date: "2026-12-24"), End = new(Date: "2026-12-26") });
        var issued = emulator.IssueTokens(email, GoogleTestKit.Scopes);
        var connect = _app.Get<GoogleConnectService>();
        var account = await connect.ConnectGrantAsync(user.Id, issued.ToTokenResponse(), default);
        await connect.AddCalendarsAsync(user.Id, account.CredentialId, [new CalendarChoice(email, "Mine", SyncDirection.TwoWay, true)], default);

        var events = await _app.AppEventsAsync(user.Id);
        Assert.Contains(events, e => e.Title == "Existing in Google" && e.TimeZone == "Europe/Berlin");
        var allDay = Assert.Single(events, e => e.Title == "All-day in Google");
        Assert.True(allDay.IsAllDay);
        Assert.Equal(new DateTime(2026, 12, 24), allDay.Start);
        Assert.Equal(new DateTime(2026, 12, 26), allDay.End);
    }

    [Fact]
    public async Task ChangeInGoogleReachesTheAppThroughThePushNotification()
    {
        var g = await _app.ConnectGoogleAsync();
        Emulator.InsertEvent(g.CalendarId, GoogleTestKit.TimedEvent("Dentist (made in Google)", Tomorrow(10), location: "Main St"));
        await Eventually.TrueAsync(async () => (await _app.AppEventsAsync(g.User.Id)).Any(e => e.Title == "Dentist (made in Google)"),
            "the Google-side event is in the app", TimeSpan.FromSeconds(15));

        await using var db = await _app.Get<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
        await Eventually.TrueAsync(() => db.SyncRuns.AnyAsync(r => r.IntegrationId == g.IntegrationId && r.Trigger == SyncTrigger.Webhook && r.Created == 1),
            "the webhook-triggered run is recorded");
    }

    [Fact]
    public async Task AppChangesReachGoogleWithTheAppsIdAndDeletionsCancelThere()
    {
        var g = await _app.ConnectGoogleAsync();
        var created = await (await g.User.Api.PostJsonAsync("/api/events", new { title = "Made in the app", start = Tomorrow(11), end = Tomorrow(12), notes = "secret notes" })).ReadJsonAsync();
        var id = created.GetProperty("id").GetGuid();
        var googleId = id.ToString("N");
        await Eventually.TrueAsync(() => Emulator.Events(g.CalendarId).Any(e => e.Id == googleId), "the event is in Google");
        var inGoogle = Emulator.GetEvent(g.CalendarId, googleId);
        Assert.Equal("Made in the app", inGoogle.Summary);
        Assert.Equal("secret notes", inGoogle.ExtendedProperties!.Private!["sdNotes"]);

        await g.User.Api.PutJsonAsync($"/api/events?id={id}", new { title = "Renamed in the app", start = Tomorrow(11), end = Tomorrow(12) });
        await Eventually.TrueAsync(() => Emulator.GetEvent(g.CalendarId, googleId).Summary == "Renamed in the app", "the rename is in Google");

        await g.User.Api.DeleteAsync($"/api/events?id={id}");
        await Eventually.TrueAsync(() => Emulator.GetEvent(g.CalendarId, googleId).Status == "cancelled", "the event is cancelled in Google");
        Assert.Single(Emulator.Events(g.CalendarId, includeCancelled: true), e => e.Id == googleId);
    }

    [Fact]
    public async Task EditAndDeleteInGoogleFlowBackAndEchoesAreNotChanges()
    {
        var g = await _app.ConnectGoogleAsync();
        var created = await (await g.User.Api.PostJsonAsync("/api/events", new { title = "Round trip", start = Tomorrow(13), end = Tomorrow(14) })).ReadJsonAsync();
        var id = created.GetProperty("id").GetGuid();
        var versionWritten = created.GetProperty("version").GetInt32(); // sending it to Google changes the link, not the event
        var googleId = id.ToString("N");
        await Eventually.TrueAsync(() => Emulator.Events(g.CalendarId).Any(e => e.Id == googleId), "the event is in Google");

        // Sentinel: the pull queued by our own write's notification, the calendar's only one so far. It takes the integration's
        // sync lock after the outbox released it with Google's etag stored, so once its run is recorded the echo has been
        // compared and committed, and must not have counted as a change.
        await Eventually.TrueAsync(async () => (await WebhookRunsAsync(g.IntegrationId)).Count > 0, "the pull of our own write's notification is recorded");
        var echo = Assert.Single(await WebhookRunsAsync(g.IntegrationId));
        Assert.Equal((0, 0), (echo.Created, echo.Updated));
        Assert.Equal(versionWritten, (await _app.AppEventsAsync(g.User.Id)).Single(e => e.Id == id).Version);

        Emulator.PatchEvent(g.CalendarId, googleId, new JsonObject { ["location"] = "Moved to room 9" });
        await Eventually.TrueAsync(async () => (await _app.AppEventsAsync(g.User.Id)).Single(e => e.Id == id).Location == "Moved to room 9", "the Google edit is in the app");

        Emulator.DeleteEvent(g.CalendarId, googleId);
        await Eventually.TrueAsync(async () => (await g.User.Api.GetAsync($"/api/events/{id}")).StatusCode == HttpStatusCode.NotFound, "the Google deletion is in the app");
    }

    [Fact]
    public async Task HostileRuleFromGoogleIsStoredAsItCameFlaggedAndListsStillAnswer()
    {
        var g = await _app.ConnectGoogleAsync();
        // Google (and its emulator) accepts this rule; expanded naively it overflows on the second occurrence.
        const string rule = "RRULE:FREQ=DAILY;INTERVAL=2147483647";
        Emulator.InsertEvent(g.CalendarId, GoogleTestKit.TimedEvent("Hostile series (made in Google)", Tomorrow(9)) with { Recurrence = [rule] });
        await Eventually.TrueAsync(async () => (await _app.AppEventsAsync(g.User.Id)).Any(e => e.Title == "Hostile series (made in Google)"),
            "the Google series is in the app", TimeSpan.FromSeconds(15));

        var stored = (await _app.AppEventsAsync(g.User.Id)).Single(e => e.Title == "Hostile series (made in Google)");
        Assert.Equal(rule, stored.Recurrence);
        Assert.Equal("INTERVAL must be a whole number from 1 to 1000.", stored.RecurrenceProblem);

        var list = await g.User.Api.GetAsync("/api/events");
        Assert.Equal(HttpStatusCode.OK, list.StatusCode);
        var listed = Assert.Single((await list.ReadJsonAsync()).EnumerateArray(), e => e.GetProperty("id").GetGuid() == stored.Id);
        Assert.Equal(stored.RecurrenceProblem, listed.GetProperty("recurrenceProblem").GetString());
        var upcoming = await g.User.Api.GetAsync("/api/calendar/upcoming?days=7&maxResults=100");
        Assert.Equal(HttpStatusCode.OK, upcoming.StatusCode);
        Assert.Single((await upcoming.ReadJsonAsync()).GetProperty("events").EnumerateArray(), e => e.GetProperty("id").GetGuid() == stored.Id);
    }

    [Fact]
    public async Task ExpiredSyncTokenTriggersAFullResyncThatDoesNotDuplicate()
    {
        var g = await _app.ConnectGoogleAsync();
        Emulator.InsertEvent(g.CalendarId, GoogleTestKit.TimedEvent("Before expiry", Tomorrow(8)));
        await Eventually.TrueAsync(async () => (await WebhookRunsAsync(g.IntegrationId)).Count == 1, "the Google event's notification is pulled");
        await g.User.Api.PostJsonAsync("/api/events", new { title = "App event", start = Tomorrow(9), end = Tomorrow(10) });
        await Eventually.TrueAsync(async () => (await _app.AppEventsAsync(g.User.Id)).Count == 2 && Emulator.Events(g.CalendarId).Count == 2, "both sides hold both events");

        // Sentinel: the pull of the last notification before the expiry, that of the app event's write to Google. The first
        // notification's pull was recorded before that write, so this one could not fold into it and has a run of its own;
        // once both runs are recorded no background pull is left to take the 410 before ours.
        await Eventually.TrueAsync(async () => (await WebhookRunsAsync(g.IntegrationId)).Count == 2, "the notification of our own write is pulled");
        Emulator.InvalidateSyncTokens(g.CalendarId);
        var result = await _app.Get<IncrementalPuller>().PullAsync(g.IntegrationId, SyncTrigger.Manual);

        Assert.Null(result.Error);
        Assert.True(result.FullSync);
        Assert.Equal(0, result.Created);
        var titles = (await _app.AppEventsAsync(g.User.Id)).Select(e => e.Title).Order().ToList();
        Assert.Equal(["App event", "Before expiry"], titles);
        Assert.Equal(2, Emulator.Events(g.CalendarId).Count);
    }

    [Fact]
    public async Task StaleEtagOnPushIsMergedWithTheGoogleEditInsteadOfOverwritingIt()
    {
        var g = await _app.ConnectGoogleAsync();
        var id = (await (await g.User.Api.PostJsonAsync("/api/events", new { title = "Budget review", start = Tomorrow(15), end = Tomorrow(16) })).ReadJsonAsync()).GetProperty("id").GetGuid();
        var googleId = id.ToString("N");
        await Eventually.TrueAsync(() => Emulator.Events(g.CalendarId).Any(e => e.Id == googleId), "the event is in Google");
        // Sentinel: the pull of our own write's notification (it waits for the outbox to release the integration's sync lock).
        // Once it is recorded no pull is pending that could fetch the Google edit below before the app pushes its own.
        await Eventually.TrueAsync(async () => (await WebhookRunsAsync(g.IntegrationId)).Count > 0, "the pull of our own write's notification is recorded");

        // Google's notification for this edit is lost, so the app still holds the old etag when it pushes its own edit.
        Emulator.AddFault(new FaultRule(FaultKind.DropNotifications, Count: 1));
        Emulator.PatchEvent(g.CalendarId, googleId, new JsonObject { ["location"] = "Room from Google" });
        await g.User.Api.PutJsonAsync($"/api/events?id={id}", new { title = "Budget review (app title)", start = Tomorrow(15), end = Tomorrow(16) });

        await Eventually.TrueAsync(() => Emulator.GetEvent(g.CalendarId, googleId).Summary == "Budget review (app title)", "the app's title reached Google");
        var inGoogle = Emulator.GetEvent(g.CalendarId, googleId);
        Assert.Equal("Room from Google", inGoogle.Location);
        await Eventually.TrueAsync(async () => (await _app.AppEventsAsync(g.User.Id)).Single(e => e.Id == id).Location == "Room from Google",
            "the Google-side location was merged into the app");
        Assert.Equal("Budget review (app title)", (await _app.AppEventsAsync(g.User.Id)).Single(e => e.Id == id).Title);
    }

    [Fact]
    public async Task RateLimitStormAndServerErrorsStillDeliverEveryEventExactlyOnce()
    {
        var g = await _app.ConnectGoogleAsync();
        Emulator.AddFault(new FaultRule(FaultKind.RateLimit429, Count: 6, PathContains: g.CalendarId, RetryAfterSeconds: 1));
        Emulator.AddFault(new FaultRule(FaultKind.RateLimit403, Count: 3, PathContains: g.CalendarId));
        Emulator.AddFault(new FaultRule(FaultKind.Error500, Count: 3, PathContains: g.CalendarId));
        Emulator.AddFault(new FaultRule(FaultKind.Error503, Count: 3, PathContains: g.CalendarId));
        Emulator.AddFault(new FaultRule(FaultKind.CommitThen500, Count: 2, PathContains: g.CalendarId, Method: "POST"));
        try
        {
            var ids = new List<string>();
            for (var i = 0; i < 10; i++)
                ids.Add((await (await g.User.Api.PostJsonAsync("/api/events", new { title = $"Storm {i}", start = Tomorrow(8).AddMinutes(i * 30), end = Tomorrow(8).AddMinutes(i * 30 + 20) })).ReadJsonAsync())
                    .GetProperty("id").GetGuid().ToString("N"));

            await Eventually.TrueAsync(async () =>
            {
                await _app.Get<OutboxDispatcher>().DispatchDueAsync(g.IntegrationId);
                return ids.All(id => Emulator.Events(g.CalendarId).Any(e => e.Id == id));
            }, "all ten events reached Google", TimeSpan.FromSeconds(30));

            var inGoogle = Emulator.Events(g.CalendarId);
            Assert.Equal(10, inGoogle.Count(e => e.Summary!.StartsWith("Storm ")));
            Assert.Equal(10, inGoogle.Select(e => e.Summary).Distinct().Count());
            Assert.All(await _app.OutboxAsync(g.User.Id), o => Assert.Equal(OutboxState.Completed, o.State));
        }
        finally
        {
            Emulator.ClearFaults();
        }
    }

    [Fact]
    public async Task ForgedOrMalformedWebhooksAreRefusedAndChangeNothing()
    {
        var g = await _app.ConnectGoogleAsync();
        var integration = await _app.IntegrationAsync(g.IntegrationId);
        using var anonymous = _app.CreateClient();
        async Task<HttpStatusCode> Post(Dictionary<string, string> headers)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, GoogleChannelService.WebhookPath);
            foreach (var (k, v) in headers) request.Headers.TryAddWithoutValidation(k, v);
            return (await anonymous.SendAsync(request)).StatusCode;
        }

        await using var db = await _app.Get<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
        var runsBefore = await db.SyncRuns.CountAsync(r => r.IntegrationId == g.IntegrationId);

        Assert.Equal(HttpStatusCode.BadRequest, await Post([]));
        Assert.Equal(HttpStatusCode.NotFound, await Post(new() { ["X-Goog-Channel-ID"] = Guid.NewGuid().ToString(), ["X-Goog-Resource-State"] = "exists", ["X-Goog-Channel-Token"] = "x" }));
        Assert.Equal(HttpStatusCode.Unauthorized, await Post(new()
        {
            ["X-Goog-Channel-ID"] = integration.ChannelId!, ["X-Goog-Resource-State"] = "exists",
            ["X-Goog-Resource-ID"] = integration.ChannelResourceId!, ["X-Goog-Channel-Token"] = "forged-token",
        }));
        Assert.Equal(HttpStatusCode.Unauthorized, await Post(new()
        {
            ["X-Goog-Channel-ID"] = integration.ChannelId!, ["X-Goog-Resource-State"] = "exists", ["X-Goog-Resource-ID"] = integration.ChannelResourceId!,
        }));

        // Sentinel: a pull requested through the queue the webhook endpoint feeds, after every refused request was answered.
        // A pull one of them had queued would still be waiting (this request would fold into it and return false) or would
        // have left the FIFO queue first and so taken the integration's sync lock first: its run would be recorded before ours.
        Assert.True(_app.Get<PullQueue>().Request(g.IntegrationId, SyncTrigger.Manual), "a refused notification left a pull waiting");
        await Eventually.TrueAsync(() => db.SyncRuns.AnyAsync(r => r.IntegrationId == g.IntegrationId && r.Trigger == SyncTrigger.Manual), "the sentinel pull is recorded");
        Assert.Equal(runsBefore + 1, await db.SyncRuns.CountAsync(r => r.IntegrationId == g.IntegrationId));
    }

    [Fact]
    public async Task ChannelRenewalOpensANewChannelAndStopsTheOldOne()
    {
        var g = await _app.ConnectGoogleAsync();
        var before = await _app.IntegrationAsync(g.IntegrationId);
        var renewed = await _app.Get<GoogleChannelService>().RenewExpiringAsync(TimeSpan.FromDays(30), default);
        Assert.True(renewed >= 1);
        var after = await _app.IntegrationAsync(g.IntegrationId);
        Assert.NotEqual(before.ChannelId, after.ChannelId);
        Assert.DoesNotContain(Emulator.ActiveChannels(), c => c.Id == before.ChannelId);
        Assert.Contains(Emulator.ActiveChannels(), c => c.Id == after.ChannelId);

        Emulator.InsertEvent(g.CalendarId, GoogleTestKit.TimedEvent("After renewal", Tomorrow(18)));
        await Eventually.TrueAsync(async () => (await _app.AppEventsAsync(g.User.Id)).Any(e => e.Title == "After renewal"), "the new channel delivers");
    }

    [Fact]
    public async Task RevokedGrantMarksTheIntegrationForReconnectAndKeepsWritesQueued()
    {
        var g = await _app.ConnectGoogleAsync();
        Emulator.Revoke(g.Tokens.RefreshToken!);
        _app.Get<GoogleTokenSource>().Forget((await _app.IntegrationAsync(g.IntegrationId)).CredentialId!.Value);

        var id = (await (await g.User.Api.PostJsonAsync("/api/events", new { title = "Written while revoked", start = Tomorrow(7), end = Tomorrow(8) })).ReadJsonAsync()).GetProperty("id").GetGuid();
        await Eventually.TrueAsync(async () => (await _app.IntegrationAsync(g.IntegrationId)).Status == IntegrationStatus.NeedsReconnect, "the integration needs reconnecting");

        var status = (await (await g.User.Api.GetAsync("/api/integrations")).ReadJsonAsync()).EnumerateArray().Single();
        Assert.True(status.GetProperty("needsReconnect").GetBoolean());
        Assert.Contains("reconnect", status.GetProperty("lastSyncError").GetString(), StringComparison.OrdinalIgnoreCase);
        var queued = Assert.Single(await _app.OutboxAsync(g.User.Id), o => o.EventId == id);
        Assert.Equal(OutboxState.Pending, queued.State);
    }

    [Fact]
    public async Task SyncNowPullsAndReportsAndASecondPressWhileRunningStartsNothing()
    {
        var g = await _app.ConnectGoogleAsync();
        Emulator.AddFault(new FaultRule(FaultKind.DropNotifications, Count: 1));
        Emulator.InsertEvent(g.CalendarId, GoogleTestKit.TimedEvent("Missed push", Tomorrow(19)));
        // Hold the integration's sync lock so the first run is certainly still going when the second press arrives.
        var held = await _app.Get<IntegrationLocks>().AcquireAsync(g.IntegrationId, default);
        try
        {
            var first = g.User.Api.PostJsonAsync("/api/calendar/sync", new { });
            await Eventually.TrueAsync(() => _app.Get<SyncNowService>().IsRunning(g.User.Id), "the first run has started");
            var second = await g.User.Api.PostJsonAsync("/api/calendar/sync", new { });
            Assert.Equal(HttpStatusCode.Conflict, second.StatusCode);
            held.Dispose();
            var result = await (await first).ReadJsonAsync();
            Assert.True(result.GetProperty("started").GetBoolean());
            Assert.Equal(1, result.GetProperty("created").GetInt32());
            Assert.Contains(await _app.AppEventsAsync(g.User.Id), e => e.Title == "Missed push");
        }
        finally
        {
            held.Dispose();
            Emulator.ClearFaults();
        }
    }

    private async Task<List<SyncRun>> WebhookRunsAsync(Guid integrationId) =>
        (await _app.SyncRunsAsync(integrationId)).Where(r => r.Trigger == SyncTrigger.Webhook).ToList();
}
