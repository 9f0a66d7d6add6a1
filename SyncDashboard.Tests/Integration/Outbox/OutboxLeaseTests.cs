using Microsoft.EntityFrameworkCore;
using SyncDashboard.Core.Domain;
using SyncDashboard.Core.Persistence;
using SyncDashboard.Core.Sync.Outbox;
using SyncDashboard.Emulators.Google;
using SyncDashboard.Tests.Infrastructure;
using SyncDashboard.Tests.Integration.Google;

namespace SyncDashboard.Tests.Integration.Outbox;

/// <summary>
/// In-flight leases: a row whose sender is gone goes back in line once its lease has run out, and not before; a send
/// that outlives its lease is cut off and tried again, and the event still reaches Google once.
/// </summary>
[Collection(AppCollection.Name)]
public sealed class OutboxLeaseTests(AppFixture fixture)
{
    private readonly AppHost _app = fixture.App;
    private static DateTimeOffset Tomorrow(int hour) => new(DateTime.UtcNow.Date.AddDays(1).AddHours(hour), TimeSpan.Zero);

    [Fact]
    public async Task ARowWhoseLeaseExpiredIsSentAgainAndOneWithALiveLeaseIsLeftAlone()
    {
        var g = await _app.ConnectGoogleAsync();
        var liveUntil = DateTime.UtcNow.AddHours(1);
        var (expired, live) = (Guid.NewGuid(), Guid.NewGuid());
        await PlantInFlightAsync(_app, g.User.Id, g.IntegrationId,
            (expired, "Lease ran out", DateTime.UtcNow.AddSeconds(-1)), (live, "Lease still held", liveUntil));
        _app.Get<IOutboxSignal>().Notify();

        await Eventually.TrueAsync(async () => (await _app.OutboxAsync(g.User.Id)).Any(o => o.EventId == expired && o.State == OutboxState.Completed),
            "the row whose lease ran out was sent", TimeSpan.FromSeconds(15));
        var google = _app.Get<GoogleEmulator>();
        Assert.Single(google.Events(g.CalendarId), e => e.Id == expired.ToString("N"));
        var rows = await _app.OutboxAsync(g.User.Id);
        var sent = rows.Single(o => o.EventId == expired);
        Assert.Equal((null, 2), (sent.LeaseExpiresAt, sent.Attempts));
        // The pass that took the expired row back looked at this integration's rows; the held one stayed with its holder.
        var held = rows.Single(o => o.EventId == live);
        Assert.Equal((OutboxState.InFlight, 1), (held.State, held.Attempts));
        Assert.Equal(liveUntil, held.LeaseExpiresAt!.Value, TimeSpan.FromMilliseconds(1));
        Assert.DoesNotContain(google.Events(g.CalendarId), e => e.Id == live.ToString("N"));
    }

    [Fact]
    public async Task ASendThatOutlivesItsLeaseIsCutOffAndTheEventStillReachesGoogleOnce()
    {
        // The retry waits for the worker's timed scan, made short here.
        await using var app = await AppHost.StartAsync(new Dictionary<string, string?>
        {
            ["Sync:InFlightLease"] = "00:00:01",
            ["Sync:DispatchInterval"] = "00:00:01",
        });
        var g = await app.ConnectGoogleAsync();
        var google = app.Get<GoogleEmulator>();
        google.ResetCounters();
        // Google answers the first insert after 5 s — well inside its 15 s request timeout, far past the 1 s lease.
        google.AddFault(new FaultRule(FaultKind.Delay, PathContains: g.CalendarId, Method: "POST", DelayMs: 5000));

        var created = await (await g.User.Api.PostJsonAsync("/api/events", new { title = "Slow to send", start = Tomorrow(9), end = Tomorrow(10) })).ReadJsonAsync();
        var id = created.GetProperty("id").GetGuid();

        await Eventually.TrueAsync(async () => (await app.OutboxAsync(g.User.Id)).Any(o => o.EventId == id && o.State == OutboxState.Completed),
            "the event was sent", TimeSpan.FromSeconds(20));
        var row = Assert.Single(await app.OutboxAsync(g.User.Id));
        Assert.Equal(2, row.Attempts);
        Assert.Equal(2, google.RequestCount("POST", g.CalendarId + "/events"));
        Assert.Single(google.Events(g.CalendarId), e => e.Id == id.ToString("N"));
    }

    /// <summary>Events with a create row in flight, as a process that died mid-send leaves them.</summary>
    internal static async Task PlantInFlightAsync(AppHost app, Guid userId, Guid integrationId, params (Guid Id, string Title, DateTime LeaseExpiresAt)[] rows)
    {
        await using var db = await app.Get<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
        var start = Tomorrow(14).UtcDateTime;
        foreach (var (id, title, lease) in rows)
        {
            db.Events.Add(new CalendarEvent { Id = id, UserId = userId, Title = title, Start = start, End = start.AddHours(1), Version = 1 });
            db.EventLinks.Add(new EventLink { UserId = userId, EventId = id, IntegrationId = integrationId, State = LinkState.Pending });
            db.Outbox.Add(new OutboxItem
            {
                UserId = userId, EventId = id, IntegrationId = integrationId, Operation = OutboxOperation.Create,
                State = OutboxState.InFlight, Attempts = 1, NextAttemptAt = DateTime.UtcNow.AddMinutes(-1), LeaseExpiresAt = lease,
            });
        }
        await db.SaveChangesAsync();
    }
}
