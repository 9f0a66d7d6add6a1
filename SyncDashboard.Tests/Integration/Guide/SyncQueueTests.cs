using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Quartz;
using SyncDashboard.Core.Domain;
using SyncDashboard.Core.Persistence;
using SyncDashboard.Emulators.Google;
using SyncDashboard.Tests.Infrastructure;
using SyncDashboard.Tests.Integration.Google;
using SyncDashboard.Tests.Integration.Notion;
using SyncDashboard.Web.Jobs;

namespace SyncDashboard.Tests.Integration.Guide;

/// <summary>
/// A host where a failed send waits ten minutes for its retry and gives up at the second attempt, and a deletion waits ten
/// minutes for its undo, so every state the queue reports holds still while the test looks.
/// </summary>
public sealed class QueueHostFixture : IAsyncLifetime
{
    public AppHost App { get; private set; } = default!;

    public async Task InitializeAsync() => App = await NotionTestKit.StartQuietHostAsync(new Dictionary<string, string?>
    {
        ["Sync:MaxAttempts"] = "2",
        ["Sync:RetryBaseDelay"] = "00:10:00",
        ["Sync:RetryMaxDelay"] = "01:00:00",
        ["Events:DeleteUndoWindow"] = "00:10:00",
        ["Api:ExternalSyncWait"] = "00:00:15",
    });

    public async Task DisposeAsync() => await App.DisposeAsync();
}

/// <summary>The sync queue's endpoints and retention: counts after injected faults, sending now, cleaning up, and the daily job.</summary>
public sealed class SyncQueueTests(QueueHostFixture fixture) : IClassFixture<QueueHostFixture>
{
    private AppHost App => fixture.App;

    private static readonly DateTimeOffset Tomorrow10 = new(DateTime.UtcNow.Date.AddDays(1).AddHours(10), TimeSpan.Zero);

    private static async Task<JsonElement> StatsAsync(TestUser user) =>
        await (await user.Api.GetAsync("/api/calendar/sync/queue")).ReadJsonAsync();

    private static int Count(JsonElement stats, string state) => stats.GetProperty("stats").GetProperty(state).GetInt32();

    private static async Task<Guid> CreateAsync(TestUser user, string title, int hour = 10)
    {
        var response = await user.Api.PostJsonAsync("/api/events",
            new { title, startDateTime = Tomorrow10.AddHours(hour - 10), endDateTime = Tomorrow10.AddHours(hour - 9) });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.ReadJsonAsync()).GetProperty("event").GetProperty("id").GetGuid();
    }

    [Fact]
    public async Task StatsFollowFaultsAndProcessingAndCleanupTouchesOnlyOldCompletedRowsOfTheCaller()
    {
        var g = await App.ConnectGoogleAsync();
        var google = App.Get<GoogleEmulator>();
        google.AddFault(new FaultRule(FaultKind.Error503, Count: 1000, PathContains: g.CalendarId, Method: "POST"));

        // Google refuses: the first attempt fails and the answer says so, with the change still queued for its retry.
        var failing = await g.User.Api.PostJsonAsync("/api/events",
            new { title = "Refused", startDateTime = Tomorrow10, endDateTime = Tomorrow10.AddHours(1) });
        var report = Assert.Single((await failing.ReadJsonAsync()).GetProperty("externalSync").EnumerateArray());
        Assert.Equal(("GOOGLE", false, true), (report.GetProperty("provider").GetString(), report.GetProperty("success").GetBoolean(),
            report.GetProperty("queued").GetBoolean()));
        Assert.False(string.IsNullOrEmpty(report.GetProperty("error").GetString()));
        Assert.Equal(JsonValueKind.Null, report.GetProperty("externalId").ValueKind);

        var stats = await StatsAsync(g.User);
        Assert.Equal((1, 0, 0, 0), (Count(stats, "FAILED"), Count(stats, "PENDING"), Count(stats, "DEAD_LETTERED"), Count(stats, "COMPLETED")));
        Assert.Equal(JsonValueKind.Null, stats.GetProperty("oldestPendingAge").ValueKind);

        // Processing sends the retry now instead of in ten minutes; it fails again and that was the last attempt.
        var processed = await (await g.User.Api.PostAsync("/api/calendar/sync/queue", null)).ReadJsonAsync();
        Assert.Equal(1, processed.GetProperty("deadLettered").GetInt32());
        stats = await StatsAsync(g.User);
        Assert.Equal((0, 1), (Count(stats, "FAILED"), Count(stats, "DEAD_LETTERED")));

        // Google answers again: a new event is delivered; deleting it waits out its undo window as a pending row.
        google.ClearFaults();
        var delivered = await CreateAsync(g.User, "Delivered", 12);
        Assert.Equal(HttpStatusCode.NoContent, (await g.User.Api.DeleteAsync($"/api/events?id={delivered}")).StatusCode);
        stats = await StatsAsync(g.User);
        Assert.Equal((1, 1, 1), (Count(stats, "COMPLETED"), Count(stats, "PENDING"), Count(stats, "DEAD_LETTERED")));
        Assert.True(stats.GetProperty("oldestPendingAge").GetInt64() >= 0);
        // Processing does not cut an undo window short.
        Assert.Equal(0, (await (await g.User.Api.PostAsync("/api/calendar/sync/queue", null)).ReadJsonAsync()).GetProperty("sent").GetInt32());
        Assert.Equal(1, Count(await StatsAsync(g.User), "PENDING"));

        // Someone else's cleanup, even of everything completed, leaves this user's rows alone.
        var other = await App.CreateUserAsync("other");
        var theirs = await (await other.Api.DeleteAsync("/api/calendar/sync/queue?olderThan=0")).ReadJsonAsync();
        Assert.Equal(0, theirs.GetProperty("deleted").GetInt32());
        Assert.Equal(0, Count(await StatsAsync(other), "COMPLETED"));
        Assert.Equal(1, Count(await StatsAsync(g.User), "COMPLETED"));

        // olderThan=7 keeps a row completed today and deletes one completed eight days ago; nothing else goes.
        var cleaned = await (await g.User.Api.DeleteAsync("/api/calendar/sync/queue?olderThan=7")).ReadJsonAsync();
        Assert.Equal(0, cleaned.GetProperty("deleted").GetInt32());
        await BackdateCompletedAsync(g.User.Id, TimeSpan.FromDays(8));
        cleaned = await (await g.User.Api.DeleteAsync("/api/calendar/sync/queue?olderThan=7")).ReadJsonAsync();
        Assert.Equal(1, cleaned.GetProperty("deleted").GetInt32());
        stats = await StatsAsync(g.User);
        Assert.Equal((0, 1, 1), (Count(stats, "COMPLETED"), Count(stats, "PENDING"), Count(stats, "DEAD_LETTERED")));
    }

    [Fact]
    public async Task TheRetentionJobDeletesCompletedRowsOlderThanAWeekAndKeepsRecentAndWaitingOnes()
    {
        var user = await App.CreateUserAsync("retention");
        var now = DateTime.UtcNow;
        var (old, recent, waiting, failed) = (Row(user.Id, OutboxState.Completed, now.AddDays(-8)), Row(user.Id, OutboxState.Completed, now.AddDays(-6)),
            Row(user.Id, OutboxState.Pending, now.AddDays(-30)), Row(user.Id, OutboxState.DeadLettered, now.AddDays(-30)));
        await using (var db = await App.Get<IDbContextFactory<AppDbContext>>().CreateDbContextAsync())
        {
            db.Outbox.AddRange(old, recent, waiting, failed);
            await db.SaveChangesAsync();
        }

        var scheduler = await App.Services.GetRequiredKeyedService<ISchedulerFactory>(App.Get<SyncScheduler>().Name).GetScheduler();
        await scheduler.TriggerJob(OutboxRetentionJob.Key);

        await Eventually.TrueAsync(async () => !(await App.OutboxAsync(user.Id)).Any(o => o.Id == old.Id), "the job deleted the week-old completed row");
        Assert.Equal([recent.Id, waiting.Id, failed.Id], (await App.OutboxAsync(user.Id)).Select(o => o.Id).Order());
    }

    [Theory]
    [InlineData("-1")]
    [InlineData("3651")]
    [InlineData("seven")]
    [InlineData("7.5")]
    public async Task CleanupWithAnAgeThatIsNotADayCountIsRefusedAndDeletesNothing(string olderThan)
    {
        var g = await App.ConnectGoogleAsync();
        await CreateAsync(g.User, "Kept");
        await BackdateCompletedAsync(g.User.Id, TimeSpan.FromDays(30));

        var response = await g.User.Api.DeleteAsync($"/api/calendar/sync/queue?olderThan={olderThan}");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(1, Count(await StatsAsync(g.User), "COMPLETED"));
    }

    [Fact]
    public async Task AnotherUsersIntegrationIsNotFoundForSyncNowOrTheNotionPull()
    {
        var g = await App.ConnectGoogleAsync();
        var n = await App.ConnectNotionAsync();
        var stranger = await App.CreateUserAsync("stranger");

        Assert.Equal(HttpStatusCode.NotFound, (await stranger.Api.PostAsync($"/api/calendar/integrations/{g.IntegrationId}/sync", null)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.Api.PostAsync($"/api/calendar/integrations/{Guid.NewGuid()}/sync", null)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.Api.GetAsync($"/api/calendar/sync/notion/pull?integrationId={n.IntegrationId}")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await stranger.Api.GetAsync("/api/calendar/sync/notion/pull")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await stranger.Api.GetAsync("/api/calendar/sync/notion/pull?integrationId=not-a-guid")).StatusCode);
        var list = await (await stranger.Api.GetAsync("/api/calendar/integrations")).ReadJsonAsync();
        Assert.Equal(0, list.GetProperty("data").GetArrayLength());
        using var anonymous = App.CreateClient();
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/api/calendar/sync/queue")).StatusCode);
    }

    private async Task BackdateCompletedAsync(Guid userId, TimeSpan age)
    {
        await using var db = await App.Get<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
        var when = DateTime.UtcNow - age;
        await db.Outbox.Where(o => o.UserId == userId && o.State == OutboxState.Completed)
            .ExecuteUpdateAsync(s => s.SetProperty(o => o.CompletedAt, when).SetProperty(o => o.UpdatedAt, when));
    }

    /// <summary>A row of no integration the dispatcher would touch: completed ones are done, the waiting one is due tomorrow.</summary>
    private static OutboxItem Row(Guid userId, OutboxState state, DateTime at) => new()
    {
        UserId = userId, EventId = Guid.NewGuid(), IntegrationId = Guid.NewGuid(), Operation = OutboxOperation.Update, State = state,
        CreatedAt = at, UpdatedAt = at, NextAttemptAt = DateTime.UtcNow.AddDays(1), CompletedAt = state == OutboxState.Completed ? at : null,
    };
}
