using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.DependencyInjection;
using System.Diagnostics;
using System.Text.Json.Nodes;
using SyncDashboard.Core.Notion;
using SyncDashboard.Core.Sync;
using SyncDashboard.Emulators.Notion;

namespace SyncDashboard.Tests.Notion;

/// <summary>Polling by last_edited_time and the reconciliation scan, counted with the emulator's request stats.</summary>
public sealed class NotionPollTests(NotionEmulatorFixture fx) : IClassFixture<NotionEmulatorFixture>
{
    private long Requests => fx.Emulator.GetStats().TotalRequests;

    [Fact]
    public async Task IdlePollIsExactlyOneRequestAndReportsNothing()
    {
        var db = fx.NewDatabase();
        var integration = await fx.NewIntegrationAsync(db.Id, NotionPropertyMapping.Seed);
        fx.CreatePageAsUser(db, "One", "2025-03-01");
        fx.CreatePageAsUser(db, "Two", "2025-03-02T10:00:00Z");
        var full = await fx.Provider.FetchChangesAsync(integration, null, default);
        Assert.True(full.IsFullSync);
        Assert.Equal(2, full.Events.Count);

        fx.Emulator.ResetStats();
        var idle = await fx.Provider.FetchChangesAsync(integration, full.NextCursor, default);

        Assert.Equal(1, Requests);
        Assert.Equal(1, idle.Requests);
        Assert.Empty(idle.Events);
        Assert.False(idle.IsFullSync);
        Assert.Equal(NotionCursor.TryParse(full.NextCursor)!.DataSourceId, db.DataSourceId);
    }

    [Fact]
    public async Task PollWith150ChangedPagesPagesThroughInTwoRequests()
    {
        var db = fx.NewDatabase();
        var integration = await fx.NewIntegrationAsync(db.Id, NotionPropertyMapping.Seed);
        var ids = Enumerable.Range(0, 150).Select(i => fx.CreatePageAsUser(db, $"Event {i}", "2025-04-01")).ToList();
        fx.Emulator.ResetStats();
        var full = await fx.Provider.FetchChangesAsync(integration, null, default);
        // Two queries of 100 and 50, plus the one-time lookup of the database's data source.
        Assert.Equal((150, 3, 3L), (full.Events.Count, full.Requests, Requests));

        foreach (var id in ids.Take(120)) fx.Emulator.UpdatePageAsUser(id, new Dictionary<string, JsonNode?> { ["Location"] = NotionValues.RichText("Moved") });
        fx.Emulator.ResetStats();
        var changed = await fx.Provider.FetchChangesAsync(integration, full.NextCursor, default);

        Assert.Equal((120, 2, 2L), (changed.Events.Count, changed.Requests, Requests));
        Assert.All(changed.Events, e => Assert.Equal("Moved", e.Fields!.Location));
        Assert.Equal(120, changed.Events.Select(e => e.ExternalId).Distinct().Count());
    }

    [Fact]
    public async Task EditsInTheSameMinuteAndLateStampsInsideTheOverlapAreSeenOnce()
    {
        // Near the real time: the provider's cursor also follows its own (system) clock, minus NotionCursor.SettleTime.
        var now = DateTimeOffset.UtcNow;
        var clock = new ManualClock(new DateTimeOffset(now.Year, now.Month, now.Day, now.Hour, now.Minute, 10, TimeSpan.Zero));
        var previous = fx.Emulator.Clock;
        fx.Emulator.Clock = clock;
        try
        {
            var db = fx.NewDatabase();
            var integration = await fx.NewIntegrationAsync(db.Id, NotionPropertyMapping.Seed);
            var a = fx.CreatePageAsUser(db, "A", "2025-05-02");
            var full = await fx.Provider.FetchChangesAsync(integration, null, default);

            // Same minute: last_edited_time does not move, the content hash does.
            clock.Now = clock.Now.AddSeconds(20);
            fx.Emulator.UpdatePageAsUser(a, new Dictionary<string, JsonNode?> { ["Title"] = NotionValues.Title("A2") });
            // A page whose (rounded) stamp is a minute older than the cursor, as when Notion's index lags.
            clock.Now = clock.Now.AddMinutes(-1);
            var b = fx.CreatePageAsUser(db, "B", "2025-05-03");
            var next = await fx.Provider.FetchChangesAsync(integration, full.NextCursor, default);
            var again = await fx.Provider.FetchChangesAsync(integration, next.NextCursor, default);

            Assert.Equal(fx.Emulator.GetPageSnapshot(a).LastEditedTime, fx.Emulator.GetPageSnapshot(b).LastEditedTime.AddMinutes(1));
            Assert.Equal(["A2", "B"], next.Events.Select(e => e.Fields!.Title).Order());
            Assert.Empty(again.Events);
        }
        finally { fx.Emulator.Clock = previous; }
    }

    [Fact]
    public async Task ABurstOfEditsIsNotReListedByIdlePollsOnceItHasSettled()
    {
        // Notion and the app share one (manual) clock here, as they share real time in production.
        var clock = new ManualClock(DateTimeOffset.UtcNow);
        var provider = new NotionCalendarProvider(fx.Services.GetRequiredService<NotionClient>(), fx.Services.GetRequiredService<NotionMappingValidator>(),
            clock, NullLogger<NotionCalendarProvider>.Instance);
        var previous = fx.Emulator.Clock;
        fx.Emulator.Clock = clock;
        try
        {
            var db = fx.NewDatabase();
            var integration = await fx.NewIntegrationAsync(db.Id, NotionPropertyMapping.Seed);
            var full = await provider.FetchChangesAsync(integration, null, default);
            clock.Now = clock.Now.AddMinutes(1);
            foreach (var i in Enumerable.Range(0, 150)) fx.CreatePageAsUser(db, $"Imported {i}", "2025-06-01"); // a CSV import, a bulk edit
            var burst = await provider.FetchChangesAsync(integration, full.NextCursor, default);

            // The first poll after the burst has settled still covers it (its cursor was taken before); the next one does not.
            clock.Now = clock.Now.AddMinutes(10);
            var settling = await provider.FetchChangesAsync(integration, burst.NextCursor, default);
            fx.Emulator.ResetStats();
            var idle = await provider.FetchChangesAsync(integration, settling.NextCursor, default);

            Assert.Equal(150, burst.Events.Count);
            Assert.Empty(settling.Events);
            Assert.Empty(idle.Events);
            Assert.Equal((1, 1L), (idle.Requests, Requests)); // without the settle floor: the 150 pages again, in 2 requests, every poll
        }
        finally { fx.Emulator.Clock = previous; }
    }

    [Fact]
    public async Task TrashedPageIsReportedAsDeleted()
    {
        var db = fx.NewDatabase();
        var integration = await fx.NewIntegrationAsync(db.Id, NotionPropertyMapping.Seed);
        var id = fx.CreatePageAsUser(db, "Dentist", "2025-06-01T08:00:00Z");
        var full = await fx.Provider.FetchChangesAsync(integration, null, default);

        fx.Emulator.TrashPageAsUser(id);
        var next = await fx.Provider.FetchChangesAsync(integration, full.NextCursor, default);

        var deleted = Assert.Single(next.Events);
        Assert.Equal((id, true, (object?)null), (deleted.ExternalId, deleted.Deleted, (object?)deleted.Fields));
    }

    [Fact]
    public async Task FindVanishedConfirmsEachMissingPageBeforeReportingIt()
    {
        var db = fx.NewDatabase();
        var integration = await fx.NewIntegrationAsync(db.Id, NotionPropertyMapping.Seed);
        var live = fx.CreatePageAsUser(db, "Live", "2025-06-01");
        var trashed = fx.CreatePageAsUser(db, "Trashed", "2025-06-02");
        fx.Emulator.TrashPageAsUser(trashed);
        var purged = Guid.NewGuid().ToString();
        var elsewhere = fx.CreatePageAsUser(fx.NewDatabase(), "Moved away", "2025-06-03");

        fx.Emulator.ResetStats();
        var scan = await fx.Provider.FindVanishedAsync(integration, [live, trashed, purged, elsewhere], default);

        Assert.Equal([trashed, purged, elsewhere], scan.VanishedPageIds);
        Assert.Equal(3, fx.Emulator.GetStats().RequestsByEndpoint["GET /v1/pages/{id}"]); // one confirmation each, none for the live page
        Assert.Equal((1, 5), (scan.LivePages, scan.Requests)); // data source lookup, one listing, three confirmations

        // A database that is no longer shared lists nothing: that is an error, never "everything vanished".
        fx.Emulator.UnshareDatabase(db.Id, fx.Demo.InternalIntegration.BotId);
        await Assert.ThrowsAsync<PermanentProviderException>(() => fx.Provider.FindVanishedAsync(integration, [live], default));
    }

    [Fact]
    public async Task UnreadableCursorAsksForAFullResync()
    {
        var integration = await fx.NewIntegrationAsync(fx.NewDatabase().Id, NotionPropertyMapping.Seed);
        await Assert.ThrowsAsync<CursorExpiredException>(() => fx.Provider.FetchChangesAsync(integration, "not json", default));
    }

    [Fact]
    public async Task WithoutAStoredMappingTheSchemaIsPreselected()
    {
        var db = fx.NewDatabase();
        var integration = await fx.NewIntegrationAsync(db.Id, mapping: null);
        fx.CreatePageAsUser(db, "Preselected", "2025-06-01", notes: "kept");
        var watch = Stopwatch.StartNew();

        var full = await fx.Provider.FetchChangesAsync(integration, null, default);

        Assert.Equal("kept", Assert.Single(full.Events).Fields!.Notes);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(5));
    }
}
