using SyncDashboard.Core.Sync.Controls;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using SyncDashboard.Core.Domain;
using SyncDashboard.Core.Notion;
using SyncDashboard.Core.Sync;
using SyncDashboard.Emulators.Google;
using SyncDashboard.Emulators.Notion;
using SyncDashboard.Tests.Infrastructure;
using SyncDashboard.Tests.Integration.Google;
using static SyncDashboard.Tests.Integration.Notion.NotionTestKit;
using SyncDashboard.Core.Sync.Pull;
using SyncDashboard.Core.Sync.Merge;

namespace SyncDashboard.Tests.Integration.Notion;

/// <summary>
/// The app end to end against the emulated Notion (and Google) over loopback HTTP: each test connects its own user to
/// its own Notion workspace and database; tests that need other settings or clean emulator counters start a private app.
/// </summary>
[Collection(AppCollection.Name)]
public sealed class NotionSyncTests(AppFixture fixture)
{
    private readonly AppHost _app = fixture.App;
    private NotionEmulator NotionSide => _app.Get<NotionEmulator>();
    private GoogleEmulator GoogleSide => _app.Get<GoogleEmulator>();
    private const string PullUrl = "/api/calendar/sync/notion/pull";

    /// <summary>
    /// For waits on the background outbox worker in the shared app: it sends every user's rows in turn, so right after
    /// start-up these can sit behind the demo account's rate-limited Notion backlog for several seconds (see the skipped
    /// <see cref="OneUsersRateLimitedBacklogDoesNotHoldBackAnotherUsersPush"/>). Passing tests do not wait this long.
    /// </summary>
    private static readonly TimeSpan Outbox = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task PageCreatedInNotionBecomesAnAppEventAndReachesGoogleOnceEverywhere()
    {
        var g = await _app.ConnectGoogleAsync();
        var n = await _app.ConnectNotionAsync(g.User);
        var start = new DateTimeOffset(2026, 12, 1, 10, 0, 0, TimeSpan.FromHours(1));
        _app.CreatePage(n, "Planning (from Notion)", NotionValues.Date(Iso(start), Iso(start.AddMinutes(90))), location: "Room 4");
        _app.CreatePage(n, "Offsite (from Notion)", NotionValues.Date("2026-12-24", "2026-12-26"));

        var pull = await n.PullAsync();
        Assert.Equal(2, pull.GetProperty("created").GetInt32());
        var events = await _app.AppEventsAsync(n.User.Id);
        var timed = Assert.Single(events, e => e.Title == "Planning (from Notion)");
        Assert.Equal((start.UtcDateTime, start.AddMinutes(90).UtcDateTime, false, "Room 4"), (timed.Start, timed.End, timed.IsAllDay, timed.Location));
        var allDay = Assert.Single(events, e => e.Title == "Offsite (from Notion)");
        // Notion's last day is inclusive, the app's end exclusive.
        Assert.Equal((new DateTime(2026, 12, 24), new DateTime(2026, 12, 27), true), (allDay.Start, allDay.End, allDay.IsAllDay));

        await Eventually.TrueAsync(() => GoogleSide.Events(g.CalendarId).Count == 2, "both Notion events are in Google", Outbox);
        var inGoogle = GoogleSide.GetEvent(g.CalendarId, timed.Id.ToString("N"));
        Assert.Equal(("Planning (from Notion)", "Room 4"), (inGoogle.Summary, inGoogle.Location));
        Assert.Equal(start, DateTimeOffset.Parse(inGoogle.Start!.DateTime!, CultureInfo.InvariantCulture));
        Assert.Equal(start.AddMinutes(90), DateTimeOffset.Parse(inGoogle.End!.DateTime!, CultureInfo.InvariantCulture));
        var allDayInGoogle = GoogleSide.GetEvent(g.CalendarId, allDay.Id.ToString("N"));
        Assert.Equal(("2026-12-24", "2026-12-27"), (allDayInGoogle.Start!.Date, allDayInGoogle.End!.Date));
        await Eventually.TrueAsync(() => _app.OutboxDrainedAsync(n.User.Id), "every outbox row is sent", Outbox);

        // Pulling each side again finds nothing new: the Google copies are our own writes, the Notion pages already linked.
        var notionAgain = await n.PullAsync();
        Assert.Equal((0, 0, 0), (notionAgain.GetProperty("created").GetInt32(), notionAgain.GetProperty("updated").GetInt32(), notionAgain.GetProperty("deleted").GetInt32()));
        var googleAgain = await _app.Get<IncrementalPuller>().PullAsync(g.IntegrationId, SyncTrigger.Manual);
        Assert.Null(googleAgain.Error);
        Assert.Equal((0, 0, 0), (googleAgain.Created, googleAgain.Updated, googleAgain.Deleted));
        await Eventually.TrueAsync(() => _app.OutboxDrainedAsync(n.User.Id), "the outbox is still drained");

        Assert.Equal(2, GoogleSide.Events(g.CalendarId, includeCancelled: true).Count);
        Assert.Equal(2, NotionSide.ListPages(n.Database.Id).Count);
        Assert.Equal(2, (await _app.AppEventsAsync(n.User.Id)).Count);
    }

    [Fact]
    public async Task EditInGoogleReachesTheNotionPageThroughTheApp()
    {
        var g = await _app.ConnectGoogleAsync();
        var n = await _app.ConnectNotionAsync(g.User);
        var start = new DateTimeOffset(2026, 12, 2, 9, 0, 0, TimeSpan.Zero);
        var pageId = _app.CreatePage(n, "Dentist", NotionValues.Date(Iso(start), Iso(start.AddHours(1))), location: "Main St");
        await n.PullAsync();
        var ev = Assert.Single(await _app.AppEventsAsync(n.User.Id));
        var googleId = ev.Id.ToString("N");
        await Eventually.TrueAsync(() => GoogleSide.Events(g.CalendarId).Any(e => e.Id == googleId), "the event is in Google", Outbox);
        await Eventually.TrueAsync(() => _app.OutboxDrainedAsync(n.User.Id), "the create is sent", Outbox);

        var moved = new DateTimeOffset(2026, 12, 2, 14, 30, 0, TimeSpan.FromHours(1));
        GoogleSide.PatchEvent(g.CalendarId, googleId, new JsonObject
        {
            ["summary"] = "Dentist (moved in Google)",
            ["start"] = new JsonObject { ["dateTime"] = Iso(moved), ["timeZone"] = "Europe/Berlin" },
            ["end"] = new JsonObject { ["dateTime"] = Iso(moved.AddMinutes(45)), ["timeZone"] = "Europe/Berlin" },
        });

        await Eventually.TrueAsync(() => _app.Page(pageId).Text("Title") == "Dentist (moved in Google)" && _app.Page(pageId).DateStart() == moved,
            "the Google edit is on the Notion page", Outbox);
        var page = _app.Page(pageId);
        Assert.Equal(moved.AddMinutes(45), page.DateEnd());
        Assert.Equal("Main St", page.Text("Location"));
        Assert.False(page.InTrash);
        var inApp = Assert.Single(await _app.AppEventsAsync(n.User.Id));
        Assert.Equal(("Dentist (moved in Google)", moved.UtcDateTime, moved.AddMinutes(45).UtcDateTime), (inApp.Title, inApp.Start, inApp.End));
        await Eventually.TrueAsync(() => _app.OutboxDrainedAsync(n.User.Id), "the update is sent", Outbox);
        Assert.Single(NotionSide.ListPages(n.Database.Id));
        Assert.Single(GoogleSide.Events(g.CalendarId, includeCancelled: true));
    }

    [Fact]
    public async Task DeletingInTheAppTrashesTheNotionPageAndCancelsTheGoogleEvent()
    {
        var g = await _app.ConnectGoogleAsync();
        var n = await _app.ConnectNotionAsync(g.User);
        var start = new DateTimeOffset(2026, 12, 3, 15, 0, 0, TimeSpan.Zero);
        var created = await n.User.Api.PostJsonAsync("/api/events", new { title = "Made in the app", start, end = start.AddHours(1), location = "Lab" });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = (await created.ReadJsonAsync()).GetProperty("id").GetGuid();
        var googleId = id.ToString("N");
        await Eventually.TrueAsync(() => _app.PageFor(n, id) is not null && GoogleSide.Events(g.CalendarId).Any(e => e.Id == googleId),
            "the event is in Notion and in Google", Outbox);
        var page = _app.PageFor(n, id)!;
        Assert.Equal(("Made in the app", "Lab", (DateTimeOffset?)start), (page.Text("Title"), page.Text("Location"), page.DateStart()));
        await Eventually.TrueAsync(() => _app.OutboxDrainedAsync(n.User.Id), "the creates are sent", Outbox);

        Assert.Equal(HttpStatusCode.NoContent, (await n.User.Api.DeleteAsync($"/api/events?id={id}")).StatusCode);

        await Eventually.TrueAsync(() => _app.Page(page.Id).InTrash, "the Notion page is in the trash", Outbox);
        await Eventually.TrueAsync(() => GoogleSide.GetEvent(g.CalendarId, googleId).Status == "cancelled", "the Google event is cancelled", Outbox);
        // The trashed page and the cancelled event come back as deletions of an event already deleted: nothing is resurrected.
        var notionAgain = await n.PullAsync();
        Assert.Equal(0, notionAgain.GetProperty("created").GetInt32());
        var googleAgain = await _app.Get<IncrementalPuller>().PullAsync(g.IntegrationId, SyncTrigger.Manual);
        Assert.Equal((null, 0), (googleAgain.Error, googleAgain.Created));
        Assert.Equal(HttpStatusCode.NotFound, (await n.User.Api.GetAsync($"/api/events/{id}")).StatusCode);
        Assert.Empty(await _app.AppEventsAsync(n.User.Id));
        Assert.Empty(_app.LivePages(n));
        Assert.Single(NotionSide.ListPages(n.Database.Id));
        Assert.Single(GoogleSide.Events(g.CalendarId, includeCancelled: true));
    }

    [Fact]
    public async Task EditsOfDifferentFieldsOnBothSidesBetweenPollsAreMerged()
    {
        var n = await _app.ConnectNotionAsync();
        var start = new DateTimeOffset(2026, 12, 4, 9, 0, 0, TimeSpan.Zero);
        var pageId = _app.CreatePage(n, "Standup", NotionValues.Date(Iso(start), Iso(start.AddMinutes(15))), location: "Room A");
        await n.PullAsync();
        var ev = Assert.Single(await _app.AppEventsAsync(n.User.Id));

        // Notion's edit is not pulled before the app's own edit is pushed.
        _app.EditPage(pageId, "Location", NotionValues.RichText("Room B"));
        var put = await n.User.Api.PutJsonAsync($"/api/events?id={ev.Id}", PutBody(ev, title: "Standup (renamed in the app)"));
        Assert.Equal(HttpStatusCode.OK, put.StatusCode);

        await Eventually.TrueAsync(() => _app.Page(pageId).Text("Title") == "Standup (renamed in the app)", "the app's rename reached Notion", Outbox);
        await _app.DrainOutboxAsync(n);
        Assert.Equal("Room B", _app.Page(pageId).Text("Location"));
        var merged = Assert.Single(await _app.AppEventsAsync(n.User.Id));
        Assert.Equal(("Standup (renamed in the app)", "Room B"), (merged.Title, merged.Location));

        var pull = await n.PullAsync();
        Assert.Equal((0, 0, 0), (pull.GetProperty("created").GetInt32(), pull.GetProperty("updated").GetInt32(), pull.GetProperty("conflicts").GetInt32()));
        Assert.Empty(await _app.ConflictsAsync(n.User.Id));
        merged = Assert.Single(await _app.AppEventsAsync(n.User.Id));
        Assert.Equal(("Standup (renamed in the app)", "Room B"), (merged.Title, merged.Location));
        Assert.Single(NotionSide.ListPages(n.Database.Id));
    }

    [Fact]
    public async Task SameFieldEditedInNotionThenInTheAppKeepsTheAppsLaterEditAndRecordsTheConflict()
    {
        var n = await _app.ConnectNotionAsync();
        var start = new DateTimeOffset(2026, 12, 5, 16, 0, 0, TimeSpan.Zero);
        var pageId = _app.CreatePage(n, "Retro", NotionValues.Date(Iso(start), Iso(start.AddHours(1))));
        await n.PullAsync();
        var ev = Assert.Single(await _app.AppEventsAsync(n.User.Id));

        _app.EditPage(pageId, "Title", NotionValues.Title("Retro (renamed in Notion)"));
        var put = await n.User.Api.PutJsonAsync($"/api/events?id={ev.Id}", PutBody(ev, title: "Retro (renamed in the app)"));
        Assert.Equal(HttpStatusCode.OK, put.StatusCode);

        await Eventually.TrueAsync(() => _app.Page(pageId).Text("Title") == "Retro (renamed in the app)", "the later (app) title is in Notion", Outbox);
        await _app.DrainOutboxAsync(n);
        var conflict = Assert.Single(await _app.ConflictsAsync(n.User.Id));
        Assert.Equal((ev.Id, n.IntegrationId, "Title", ConflictOutcome.LocalWon), (conflict.EventId, conflict.IntegrationId, conflict.Fields, conflict.Outcome));
        Assert.Equal("Retro (renamed in Notion)", FieldsJson.Deserialize(conflict.RemoteFields)!.Title);
        Assert.Equal("Retro (renamed in the app)", FieldsJson.Deserialize(conflict.LocalFields)!.Title);

        var pull = await n.PullAsync();
        Assert.Equal((0, 0), (pull.GetProperty("created").GetInt32(), pull.GetProperty("conflicts").GetInt32()));
        Assert.Equal("Retro (renamed in the app)", Assert.Single(await _app.AppEventsAsync(n.User.Id)).Title);
        Assert.Single(await _app.ConflictsAsync(n.User.Id));
        Assert.Single(NotionSide.ListPages(n.Database.Id));
    }

    [Fact]
    public async Task SameFieldEditedInTheAppThenInNotionTakesNotionsLaterEditAndRecordsTheConflict()
    {
        // Millisecond stamps, so Notion's edit is seen as later than the app's (real Notion rounds to the minute).
        await using var host = await StartQuietHostAsync(new() { ["Emulators:Notion:TimestampGranularity"] = "00:00:00.001" });
        var emulator = host.Get<NotionEmulator>();
        var n = await host.ConnectNotionAsync();
        var start = new DateTimeOffset(2026, 12, 6, 11, 0, 0, TimeSpan.Zero);
        var pageId = host.CreatePage(n, "Review", NotionValues.Date(Iso(start), Iso(start.AddHours(1))));
        await n.PullAsync();
        var ev = Assert.Single(await host.AppEventsAsync(n.User.Id));

        // Notion answers 503 for this page for a while, so the app's edit is still waiting in the outbox when Notion's arrives.
        emulator.InjectFault(new NotionFault(NotionFaultKind.Error503, Count: 0, PathContains: pageId));
        try
        {
            var put = await n.User.Api.PutJsonAsync($"/api/events?id={ev.Id}", PutBody(ev, title: "Review (renamed in the app)"));
            Assert.Equal(HttpStatusCode.OK, put.StatusCode);
            await Eventually.TrueAsync(async () => (await host.OutboxAsync(n.User.Id)).Any(o => o.EventId == ev.Id && o.State == OutboxState.Failed),
                "the app's push was tried and held back");
            host.EditPage(pageId, "Title", NotionValues.Title("Review (renamed in Notion, later)"));

            var pull = await n.PullAsync();
            Assert.Equal((1, 1), (pull.GetProperty("updated").GetInt32(), pull.GetProperty("conflicts").GetInt32()));
        }
        finally
        {
            emulator.ClearFaults();
        }
        Assert.Equal("Review (renamed in Notion, later)", Assert.Single(await host.AppEventsAsync(n.User.Id)).Title);
        var conflict = Assert.Single(await host.ConflictsAsync(n.User.Id));
        Assert.Equal((ev.Id, "Title", ConflictOutcome.RemoteWon), (conflict.EventId, conflict.Fields, conflict.Outcome));
        Assert.Equal("Review (renamed in the app)", FieldsJson.Deserialize(conflict.LocalFields)!.Title);

        // The held push now goes out with the merged event and leaves Notion's title in place.
        await host.DrainOutboxAsync(n, TimeSpan.FromSeconds(15));
        Assert.Equal("Review (renamed in Notion, later)", host.Page(pageId).Text("Title"));
        Assert.Single(emulator.ListPages(n.Database.Id));
        Assert.Single(await host.AppEventsAsync(n.User.Id));
    }

    [Fact]
    public async Task ClientPacedAtNotionsBudgetPushesManyEventsWithoutA429()
    {
        await using var host = await StartQuietHostAsync(new()
        {
            ["Notion:RequestsPerSecond"] = "5",
            ["Emulators:Notion:RequestsPerSecond"] = "5",
            // Notion allows "some bursts beyond the average"; two seconds' worth here, because the emulator measures
            // when it handles a request, and on a loaded 2-core machine requests the client spaced out can be handled
            // in a bunch (1-2 429s were seen that way with a burst of 7). The elapsed-time check below still proves the pacing.
            ["Emulators:Notion:Burst"] = "10",
        });
        var emulator = host.Get<NotionEmulator>();
        var n = await host.ConnectNotionAsync();
        emulator.ResetStats();
        var watch = Stopwatch.StartNew();
        var ids = new List<Guid>();
        var start = new DateTimeOffset(2026, 12, 7, 8, 0, 0, TimeSpan.Zero);
        for (var i = 0; i < 15; i++)
        {
            var created = await n.User.Api.PostJsonAsync("/api/events", new { title = $"Batch {i}", start = start.AddHours(i), end = start.AddHours(i).AddMinutes(30) });
            ids.Add((await created.ReadJsonAsync()).GetProperty("id").GetGuid());
        }

        await Eventually.TrueAsync(async () => ids.All(id => host.PageFor(n, id) is not null) && await host.OutboxDrainedAsync(n.User.Id),
            "all 15 events are in Notion", TimeSpan.FromSeconds(30));
        watch.Stop();

        var stats = emulator.GetStats();
        Assert.Equal(0, stats.RateLimited429s);
        Assert.Equal(0, stats.RateLimitViolations);
        var pages = host.LivePages(n);
        Assert.Equal(ids.Select(id => id.ToString()).Order(), pages.Select(p => p.Text(IdProperty)).Order());
        Assert.Equal(Enumerable.Range(0, 15).Select(i => $"Batch {i}").Order(), pages.Select(p => p.Text("Title")).Order());
        // The client paced itself: at 5/s with a bucket of 5 (+1 for the replenishment timer's phase), N requests take ≥ (N − 6) / 5 s.
        Assert.True(stats.TotalRequests >= 30, $"only {stats.TotalRequests} requests were made");
        Assert.True(watch.Elapsed.TotalSeconds >= (stats.TotalRequests - 6) / 5.0,
            $"{stats.TotalRequests} requests in {watch.Elapsed.TotalSeconds:F1} s is faster than 5 per second");
    }

    [Fact]
    public async Task NotionsRateLimitAndInjected429sAreRetriedAndEveryEventArrivesOnce()
    {
        // The client is deliberately allowed more than Notion will take, so Notion's own limiter answers 429s too.
        await using var host = await StartQuietHostAsync(new()
        {
            ["Notion:RequestsPerSecond"] = "20",
            ["Sync:DispatchInterval"] = "00:00:00.250",
        });
        var emulator = host.Get<NotionEmulator>();
        var n = await host.ConnectNotionAsync();
        emulator.SetRateLimit(3, 3);
        emulator.ResetStats();
        emulator.InjectFault(new NotionFault(NotionFaultKind.RateLimited429, Count: 2, PathContains: "/v1/pages", Method: "POST", RetryAfterSeconds: 1));
        emulator.InjectFault(new NotionFault(NotionFaultKind.CommitThen500, Count: 2, PathContains: "/v1/pages", Method: "POST"));
        var ids = new List<Guid>();
        var start = new DateTimeOffset(2026, 12, 8, 8, 0, 0, TimeSpan.Zero);
        for (var i = 0; i < 8; i++)
        {
            var created = await n.User.Api.PostJsonAsync("/api/events", new { title = $"Storm {i}", start = start.AddHours(i), end = start.AddHours(i).AddMinutes(30) });
            ids.Add((await created.ReadJsonAsync()).GetProperty("id").GetGuid());
        }

        await Eventually.TrueAsync(async () => ids.All(id => host.PageFor(n, id) is not null) && await host.OutboxDrainedAsync(n.User.Id),
            "all 8 events are in Notion", TimeSpan.FromSeconds(40));

        var stats = emulator.GetStats();
        var seen = $"{stats.FaultsInjected} faults, {stats.RateLimited429s} 429s, {stats.RateLimitViolations} violations, {stats.TotalRequests} requests: "
            + string.Join(", ", stats.RequestsByEndpoint.Select(kv => $"{kv.Key} {kv.Value}"));
        Assert.True(stats.FaultsInjected == 4, seen);
        Assert.True(stats.RateLimited429s > 2, "Notion's limiter never answered 429: " + seen);
        // Every Retry-After was waited out (the client adds a small margin: timers can fire a few milliseconds early).
        Assert.True(stats.RateLimitViolations == 0, seen);
        var pages = emulator.ListPages(n.Database.Id); // trashed ones included: a duplicate must not hide there either
        Assert.Equal(ids.Select(id => id.ToString()).Order(), pages.Select(p => p.Text(IdProperty)).Order());
        Assert.All(pages, p => Assert.False(p.InTrash));
        Assert.All(await host.OutboxAsync(n.User.Id), o => Assert.Equal(OutboxState.Completed, o.State));
    }

    [Fact]
    public async Task OneUsersRateLimitedBacklogDoesNotHoldBackAnotherUsersPush()
    {
        // Two users, two Notion workspaces: separate connections, so separate budgets of about 3 requests per second. The
        // creates answer at once instead of waiting for delivery (ADR 0018), so the backlog builds up as a script would make it.
        await using var host = await StartQuietHostAsync(new() { ["Api:ExternalSyncWait"] = "00:00:00" });
        var busy = await host.ConnectNotionAsync();
        var other = await host.ConnectNotionAsync();
        try
        {
            var start = new DateTimeOffset(2026, 12, 19, 8, 0, 0, TimeSpan.Zero);
            for (var i = 0; i < 20; i++)
                await busy.User.Api.PostJsonAsync("/api/events", new { title = $"Backlog {i}", start = start.AddHours(i), end = start.AddHours(i).AddMinutes(30) });
            await Eventually.TrueAsync(() => host.LivePages(busy).Count > 0, "the busy user's backlog is being sent");

            var created = await other.User.Api.PostJsonAsync("/api/events", new { title = "Quick one", start, end = start.AddHours(1) });
            var id = (await created.ReadJsonAsync()).GetProperty("id").GetGuid();

            // The other user's budget is untouched: their one create (two requests) needs no wait at all.
            await Eventually.TrueAsync(() => host.PageFor(other, id) is not null,
                "the other user's event is in their Notion while the first user's backlog is still being sent", TimeSpan.FromSeconds(4));
            Assert.True(host.LivePages(busy).Count < 20, "the busy user's backlog was still being sent (else this test shows nothing)");
        }
        finally
        {
            // Disconnecting gives up the rest of the backlog, so the host stops at once.
            await host.Get<IntegrationControls>().DisconnectAsync(busy.User.Id, busy.IntegrationId, default);
        }
    }

    [Fact]
    public async Task ForgedWebhookDeliveriesAreRefusedWithoutSyncing()
    {
        var n = await _app.ConnectNotionAsync(); // no subscription yet: its endpoint holds no token
        var other = await _app.ConnectNotionAsync(withWebhook: true);
        var webhooks = _app.Get<NotionWebhookSetup>();
        var otherState = await webhooks.GetStateAsync(other.User.Id, other.IntegrationId, default);
        var otherToken = otherState.ConfirmedToken!;
        var pageId = _app.CreatePage(n, "Waiting in Notion", NotionValues.Date("2026-12-10"));  // any pull of n would import it
        using var anonymous = _app.CreateClient();
        async Task<HttpStatusCode> Post(string to, string body, string? signature)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, to) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
            if (signature is not null) request.Headers.Add("X-Notion-Signature", signature);
            return (await anonymous.SendAsync(request)).StatusCode;
        }
        async Task<string?> StoredToken() => (await webhooks.GetStateAsync(n.User.Id, n.IntegrationId, default)).ConfirmedToken;
        var runsBefore = (await _app.SyncRunsAsync(n.IntegrationId)).Count;

        // The owner's set-up (ADR 0011): open, Notion's token arrives, the owner confirms it.
        var url = (await webhooks.ArmAsync(n.User.Id, n.IntegrationId, default)).Url;
        Assert.Equal(HttpStatusCode.OK, await Post(url, """{"verification_token":"secret_first"}""", null));
        await webhooks.ConfirmAsync(n.User.Id, n.IntegrationId, "secret_first", default);
        Assert.Equal("secret_first", await StoredToken());
        Assert.Equal(HttpStatusCode.Conflict, await Post(url, """{"verification_token":"secret_second"}""", null));
        Assert.Equal("secret_first", await StoredToken()); // an unsigned request cannot swap the key

        var evt = new JsonObject
        {
            ["id"] = Guid.NewGuid().ToString(), ["timestamp"] = "2026-12-01T10:00:00.000Z", ["workspace_id"] = n.Workspace.Id,
            ["type"] = "page.created", ["attempt_number"] = 1,
            ["entity"] = new JsonObject { ["id"] = pageId, ["type"] = "page" },
            ["data"] = new JsonObject { ["parent"] = new JsonObject { ["id"] = n.Database.Id, ["type"] = "database" } },
        }.ToJsonString();
        var bytes = Encoding.UTF8.GetBytes(evt);
        var tampered = evt.Replace("page.created", "page.deleted", StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Unauthorized, await Post(url, evt, null));
        Assert.Equal(HttpStatusCode.Unauthorized, await Post(url, evt, NotionWebhookService.Sign("secret_wrong", bytes)));
        Assert.Equal(HttpStatusCode.Unauthorized, await Post(url, evt, "sha256=not-hex"));
        Assert.Equal(HttpStatusCode.Unauthorized, await Post(url, evt, NotionWebhookService.Sign(otherToken, bytes)));
        Assert.Equal(HttpStatusCode.Unauthorized, await Post(url, tampered, NotionWebhookService.Sign("secret_first", bytes)));
        // The other integration's URL with this one's token, an unknown URL, and the retired URL naming this integration.
        Assert.Equal(HttpStatusCode.Unauthorized, await Post(otherState.Url, evt, NotionWebhookService.Sign("secret_first", bytes)));
        var unknown = $"{NotionWebhookService.WebhookPath}/{NotionWebhookKey.New()}";
        Assert.Equal(HttpStatusCode.Unauthorized, await Post(unknown, evt, NotionWebhookService.Sign("secret_first", bytes)));
        Assert.Equal(HttpStatusCode.Unauthorized, await Post(unknown, """{"verification_token":"secret_x"}""", null));
        Assert.Equal(HttpStatusCode.NotFound, await Post($"{NotionWebhookService.WebhookPath}?integration={n.IntegrationId}", evt, NotionWebhookService.Sign("secret_first", bytes)));
        Assert.Equal(HttpStatusCode.NotFound, await Post(NotionWebhookService.WebhookPath, evt, NotionWebhookService.Sign("secret_first", bytes)));

        // Authentic, but authored by our own connection's bot alone: an echo of our write, not worth a pull.
        var echo = JsonNode.Parse(evt)!.AsObject();
        echo["authors"] = new JsonArray(new JsonObject { ["id"] = n.Connection.BotId, ["type"] = "bot" });
        var echoBody = echo.ToJsonString();
        Assert.Equal(HttpStatusCode.OK, await Post(url, echoBody, NotionWebhookService.Sign("secret_first", Encoding.UTF8.GetBytes(echoBody))));

        Assert.Equal("secret_first", await StoredToken());

        // Sentinel: a pull requested through the queue the webhook endpoint feeds, after every refused or ignored delivery was
        // answered. A pull one of them had queued would still be waiting (this request would fold into it and return false) or
        // would have left the FIFO queue first and so taken the integration's sync lock first: its run would come before ours.
        Assert.True(_app.Get<PullQueue>().Request(n.IntegrationId, SyncTrigger.Manual), "a refused or ignored delivery left a pull waiting");
        await Eventually.TrueAsync(async () => (await _app.SyncRunsAsync(n.IntegrationId)).Skip(runsBefore).Any(r => r.Trigger == SyncTrigger.Manual),
            "the sentinel pull is recorded");
        var sentinel = Assert.Single((await _app.SyncRunsAsync(n.IntegrationId)).Skip(runsBefore));
        Assert.Equal((SyncTrigger.Manual, 1), (sentinel.Trigger, sentinel.Created)); // the waiting page came with it, not before

        // The same delivery signed with the stored token is accepted and pulls at once (bringing a page added since).
        _app.CreatePage(n, "Added in Notion since", NotionValues.Date("2026-12-11"));
        Assert.Equal(HttpStatusCode.OK, await Post(url, evt, NotionWebhookService.Sign("secret_first", bytes)));
        // Waiting for the run, not the page: a pull records its run after committing what it imported.
        await Eventually.TrueAsync(async () => (await _app.SyncRunsAsync(n.IntegrationId)).Any(r => r.Trigger == SyncTrigger.Webhook), "the signed delivery's pull is recorded");
        Assert.Equal(1, (await _app.SyncRunsAsync(n.IntegrationId)).Single(r => r.Trigger == SyncTrigger.Webhook).Created);
        Assert.Contains(await _app.AppEventsAsync(n.User.Id), e => e.Title == "Added in Notion since");
    }

    [Fact]
    public async Task VerifiedSubscriptionBringsNotionChangesWithoutAManualPull()
    {
        var n = await _app.ConnectNotionAsync(withWebhook: true);
        var start = new DateTimeOffset(2026, 12, 9, 13, 0, 0, TimeSpan.FromHours(-5));
        var pageId = _app.CreatePage(n, "Signed by Notion", NotionValues.Date(Iso(start), Iso(start.AddHours(1))));
        await Eventually.TrueAsync(async () => (await _app.AppEventsAsync(n.User.Id)).Any(e => e.Title == "Signed by Notion"), "the new page arrived");

        _app.EditPage(pageId, "Location", NotionValues.RichText("Room 12")); // delivered after Notion's aggregation window
        await Eventually.TrueAsync(async () => (await _app.AppEventsAsync(n.User.Id)).SingleOrDefault()?.Location == "Room 12", "the edit arrived");

        NotionSide.TrashPageAsUser(pageId);
        await Eventually.TrueAsync(async () => (await _app.AppEventsAsync(n.User.Id)).Count == 0, "the deletion arrived");

        // A run's record is written after its changes are applied: wait for the records, not only for the changes.
        await Eventually.TrueAsync(async () => await _app.SyncRunsAsync(n.IntegrationId) is var all
            && all.Any(r => r.Trigger == SyncTrigger.Webhook && r.Created == 1) && all.Any(r => r.Trigger == SyncTrigger.Webhook && r.Updated == 1)
            && all.Any(r => r.Trigger == SyncTrigger.Webhook && r.Deleted == 1), "the webhook pulls that brought the create, the edit and the deletion are recorded");
        var runs = await _app.SyncRunsAsync(n.IntegrationId);
        Assert.DoesNotContain(runs, r => r.Trigger is SyncTrigger.Manual or SyncTrigger.Poll);
        Assert.All(runs, r => Assert.Null(r.Error));
    }

    [Fact]
    public async Task PollingBringsNotionChangesWithoutWebhooksAndAnIdlePollCostsOneRequest()
    {
        await using var host = await StartQuietHostAsync(new() { ["Notion:PollInterval"] = "00:00:01" });
        var emulator = host.Get<NotionEmulator>();
        var n = await host.ConnectNotionAsync();
        var start = new DateTimeOffset(2026, 12, 11, 7, 30, 0, TimeSpan.Zero);
        var pageId = host.CreatePage(n, "Found by polling", NotionValues.Date(Iso(start), Iso(start.AddHours(1))));
        await Eventually.TrueAsync(async () => (await host.AppEventsAsync(n.User.Id)).Any(e => e.Title == "Found by polling"), "the new page arrived");
        host.EditPage(pageId, "Title", NotionValues.Title("Renamed, found by polling"));
        await Eventually.TrueAsync(async () => (await host.AppEventsAsync(n.User.Id)).SingleOrDefault()?.Title == "Renamed, found by polling", "the edit arrived");
        emulator.TrashPageAsUser(pageId);
        await Eventually.TrueAsync(async () => (await host.AppEventsAsync(n.User.Id)).Count == 0, "the deletion arrived");

        // A run's record is written after its changes are applied: wait for the records, not only for the changes.
        await Eventually.TrueAsync(async () => await host.SyncRunsAsync(n.IntegrationId) is var all
            && all.Any(r => r.Trigger == SyncTrigger.Poll && r.Created == 1) && all.Any(r => r.Trigger == SyncTrigger.Poll && r.Updated == 1)
            && all.Any(r => r.Trigger == SyncTrigger.Poll && r.Deleted == 1), "the polls that brought the create, the edit and the deletion are recorded");
        var runs = await host.SyncRunsAsync(n.IntegrationId);
        Assert.DoesNotContain(runs, r => r.Trigger is SyncTrigger.Manual or SyncTrigger.Webhook);

        // Now nothing changes: a few polls later, each of them was one query and nothing else.
        var lastRun = runs.Max(r => r.Id);
        emulator.ResetStats();
        await Eventually.TrueAsync(async () => (await host.SyncRunsAsync(n.IntegrationId)).Count(r => r.Id > lastRun && r.Trigger == SyncTrigger.Poll) >= 3,
            "three more polls ran");
        var stats = emulator.GetStats();
        var idle = (await host.SyncRunsAsync(n.IntegrationId)).Where(r => r.Id > lastRun).ToList();
        Assert.All(idle, r =>
        {
            Assert.Equal(SyncTrigger.Poll, r.Trigger);
            Assert.Null(r.Error);
            Assert.Equal((0, 0, 0, 1), (r.Created, r.Updated, r.Deleted, r.Requests));
        });
        Assert.Equal(new[] { "POST /v1/data_sources/{id}/query" }, stats.RequestsByEndpoint.Keys);
        Assert.InRange(stats.TotalRequests, idle.Count - 1, idle.Count + 1); // a poll may straddle the reset or the snapshot
    }

    [Fact]
    public async Task ReconciliationDeletesTheEventOfAPageThatLeftUnseenByPolls()
    {
        var n = await _app.ConnectNotionAsync();
        _app.CreatePage(n, "Stays", NotionValues.Date("2026-12-12"));
        var gone = _app.CreatePage(n, "Trashed without a poll seeing it", NotionValues.Date("2026-12-13"));
        await n.PullAsync();
        Assert.Equal(2, (await _app.AppEventsAsync(n.User.Id)).Count);
        NotionSide.TrashPageAsUser(gone); // no webhook, and the next poll is a minute away

        var result = await _app.Get<NotionReconciliation>().RunAsync(n.IntegrationId, default);

        Assert.Null(result.Error);
        Assert.Equal((2, 1, 1), (result.Known, result.Live, result.Deleted));
        Assert.Equal("Stays", Assert.Single(await _app.AppEventsAsync(n.User.Id)).Title);
        Assert.Contains(await _app.SyncRunsAsync(n.IntegrationId), r => r.Trigger == SyncTrigger.Schedule && r.Deleted == 1 && r.Error is null);
        Assert.NotNull((await _app.IntegrationAsync(n.IntegrationId)).LastFullScanAt);

        // Nothing more to find, and the poll that now sees the trashed page changes nothing either.
        var again = await _app.Get<NotionReconciliation>().RunAsync(n.IntegrationId, default);
        Assert.Equal((null, 1, 0), (again.Error, again.Known, again.Deleted));
        var pull = await n.PullAsync();
        Assert.Equal((0, 0), (pull.GetProperty("created").GetInt32(), pull.GetProperty("deleted").GetInt32()));
        Assert.Equal("Stays", Assert.Single(await _app.AppEventsAsync(n.User.Id)).Title);
    }

    [Fact]
    public async Task ReconciliationKeepsAPageThatIsMissingFromTheListingButLive()
    {
        var n = await _app.ConnectNotionAsync();
        var pageId = _app.CreatePage(n, "Briefly in the trash", NotionValues.Date("2026-12-14"));
        await n.PullAsync();
        var emulator = NotionSide;
        // The scan's listing will not show the page; by the time it confirms with a page retrieve, the page is back
        // (a listing that lags behind the page, as Notion's search index can).
        emulator.TrashPageAsUser(pageId);
        var faultsBefore = emulator.GetStats().FaultsInjected;
        emulator.InjectFault(new NotionFault(NotionFaultKind.Delay, Count: 1, PathContains: pageId, Method: "GET", DelayMs: 2000));
        try
        {
            var scan = _app.Get<NotionReconciliation>().RunAsync(n.IntegrationId, default);
            await Eventually.TrueAsync(() => emulator.GetStats().FaultsInjected > faultsBefore, "the confirming retrieve is under way");
            emulator.RestorePageAsUser(pageId);
            var result = await scan;
            Assert.Null(result.Error);
            Assert.Equal((1, 0, 0), (result.Known, result.Live, result.Deleted));
        }
        finally
        {
            emulator.ClearFaults();
        }
        Assert.Equal("Briefly in the trash", Assert.Single(await _app.AppEventsAsync(n.User.Id)).Title);
    }

    [Fact]
    public async Task ReconciliationOfADatabaseNoLongerSharedFailsInsteadOfDeletingEverything()
    {
        var n = await _app.ConnectNotionAsync();
        _app.CreatePage(n, "One", NotionValues.Date("2026-12-15"));
        _app.CreatePage(n, "Two", NotionValues.Date("2026-12-16"));
        await n.PullAsync();
        NotionSide.UnshareDatabase(n.Database.Id, n.Connection.BotId);

        var result = await _app.Get<NotionReconciliation>().RunAsync(n.IntegrationId, default);

        Assert.NotNull(result.Error);
        Assert.Equal(0, result.Deleted);
        Assert.Equal(2, (await _app.AppEventsAsync(n.User.Id)).Count);
        Assert.Contains(await _app.SyncRunsAsync(n.IntegrationId), r => r.Trigger == SyncTrigger.Schedule && r.Error is not null && r.Deleted == 0);
    }

    [Fact]
    public async Task PullNowIsOnlyForTheSignedInOwnerOfTheNotionDatabase()
    {
        var n = await _app.ConnectNotionAsync();
        _app.CreatePage(n, "Only the owner pulls me", NotionValues.Date("2026-12-17"));
        var stranger = await _app.CreateUserAsync("stranger");
        using var anonymous = _app.CreateClient();
        var runsBefore = (await _app.SyncRunsAsync(n.IntegrationId)).Count;

        Assert.Equal(HttpStatusCode.NotFound, (await stranger.Api.PostJsonAsync(PullUrl, new { integrationId = n.IntegrationId })).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.PostJsonAsync(PullUrl, new { integrationId = n.IntegrationId })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await n.User.Api.PostJsonAsync(PullUrl, new { integrationId = Guid.NewGuid() })).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await n.User.Api.PostJsonAsync(PullUrl, new { integrationId = Guid.Empty })).StatusCode);
        Assert.Equal(runsBefore, (await _app.SyncRunsAsync(n.IntegrationId)).Count);
        Assert.Empty(await _app.AppEventsAsync(n.User.Id));
        Assert.Empty(await _app.AppEventsAsync(stranger.Id));

        var pull = await n.PullAsync();
        Assert.Equal((1, 1), (pull.GetProperty("created").GetInt32(), pull.GetProperty("requests").GetInt32()));
        Assert.Equal(n.IntegrationId, pull.GetProperty("integrationId").GetGuid());
        Assert.Equal("Only the owner pulls me", Assert.Single(await _app.AppEventsAsync(n.User.Id)).Title);
        Assert.Empty(await _app.AppEventsAsync(stranger.Id));
    }

    [Fact]
    public async Task LongTextAllDayAndZonedTimesRoundTripThroughNotionExactly()
    {
        var n = await _app.ConnectNotionAsync();
        // Over 2000 characters (Notion's limit per text item), with a surrogate pair straddling the first item boundary.
        var head = string.Concat(Enumerable.Range(0, 60).Select(i => $"Agenda item {i:D2}: review the numbers, then decide.\n"));
        var description = head[..1999] + "😀" + string.Concat(Enumerable.Range(0, 80).Select(i => $" Åsa's note {i} — über-long, 日本語 text.")) + " The end.";
        Assert.InRange(description.Length, 4001, 5998); // three text items
        var foldStart = new DateTimeOffset(2027, 11, 7, 5, 30, 0, TimeSpan.Zero); // 01:30 EDT; an hour later it is 01:30 EST again
        var kolkata = new DateTimeOffset(2026, 12, 18, 9, 15, 0, TimeSpan.FromHours(5.5));
        var inputs = new object[]
        {
            new { title = "Long agenda", start = kolkata, end = kolkata.AddMinutes(50), timeZone = "Asia/Kolkata", description },
            new { title = "Conference", start = "2026-12-21", end = "2026-12-24", allDay = true },
            new { title = "Holiday", start = "2026-12-31", end = "2027-01-01", allDay = true },
            new { title = "Night shift handover", start = foldStart, end = foldStart.AddHours(1), timeZone = "America/New_York" },
        };
        var ids = new List<Guid>();
        foreach (var input in inputs)
        {
            var created = await n.User.Api.PostJsonAsync("/api/events", input);
            Assert.Equal(HttpStatusCode.Created, created.StatusCode);
            ids.Add((await created.ReadJsonAsync()).GetProperty("id").GetGuid());
        }
        await Eventually.TrueAsync(async () => ids.All(id => _app.PageFor(n, id) is not null) && await _app.OutboxDrainedAsync(n.User.Id),
            "all four events are in Notion", Outbox);
        var original = (await _app.AppEventsAsync(n.User.Id)).ToDictionary(e => e.Id);

        // What Notion holds.
        var agenda = _app.PageFor(n, ids[0])!;
        Assert.Equal(description, agenda.Text("Description"));
        var items = agenda.Values["Description"]!.AsArray();
        Assert.Equal(3, items.Count);
        Assert.All(items, item => Assert.InRange(item!["plain_text"]!.GetValue<string>().Length, 1, 2000));
        Assert.Equal("2026-12-18T09:15:00.000+05:30", agenda.DateStart("Date"));
        Assert.Equal(("2026-12-21", "2026-12-23"), (_app.PageFor(n, ids[1])!.DateStart("Date"), _app.PageFor(n, ids[1])!.DateEndText()));
        Assert.Equal(("2026-12-31", (string?)null), (_app.PageFor(n, ids[2])!.DateStart("Date"), _app.PageFor(n, ids[2])!.DateEndText()));
        var fold = _app.PageFor(n, ids[3])!;
        Assert.Equal(("2027-11-07T01:30:00.000-04:00", "2027-11-07T01:30:00.000-05:00"), (fold.DateStart("Date"), fold.DateEndText()));

        // Back into the app, fresh: another user connecting the same database imports exactly what the first one wrote.
        var reader = await _app.ConnectNotionAsync(sameDatabaseAs: n);
        var imported = (await _app.AppEventsAsync(reader.User.Id)).ToDictionary(e => e.Title);
        Assert.Equal(4, imported.Count);
        foreach (var id in ids)
        {
            var mine = original[id];
            var theirs = imported[mine.Title];
            Assert.Equal((mine.Description, mine.Start, mine.End, mine.IsAllDay), (theirs.Description, theirs.Start, theirs.End, theirs.IsAllDay));
            Assert.NotEqual(mine.Id, theirs.Id);
        }

        // And an edit of another field in Notion comes back to the first user without touching text or times.
        foreach (var id in ids) _app.EditPage(_app.PageFor(n, id)!.Id, "Location", NotionValues.RichText("Edited in Notion"));
        var pull = await n.PullAsync();
        Assert.Equal((0, 4), (pull.GetProperty("created").GetInt32(), pull.GetProperty("updated").GetInt32()));
        foreach (var e in await _app.AppEventsAsync(n.User.Id))
        {
            var before = original[e.Id];
            Assert.Equal("Edited in Notion", e.Location);
            Assert.Equal((before.Title, before.Description, before.Start, before.End, before.IsAllDay, before.TimeZone),
                (e.Title, e.Description, e.Start, e.End, e.IsAllDay, e.TimeZone));
        }
        Assert.Equal(4, NotionSide.ListPages(n.Database.Id).Count);
    }
}
