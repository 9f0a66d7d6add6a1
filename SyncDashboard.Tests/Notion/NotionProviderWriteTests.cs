using SyncDashboard.Core.Domain;
using SyncDashboard.Core.Notion;
using SyncDashboard.Core.Sync;
using SyncDashboard.Emulators.Notion;
using SyncDashboard.Core.Sync.Merge;

namespace SyncDashboard.Tests.Notion;

/// <summary>Creates, updates and deletes through the provider against the emulator over HTTP.</summary>
public sealed class NotionProviderWriteTests(NotionEmulatorFixture fx) : IClassFixture<NotionEmulatorFixture>
{
    private static readonly NotionPropertyMapping WithId = NotionPropertyMapping.Seed;
    private static readonly NotionPropertyMapping WithoutId = NotionPropertyMapping.Seed with { AppEventIdProperty = null };

    private static DateTime Utc(int y, int m, int d, int h = 0, int min = 0) => new(y, m, d, h, min, 0, DateTimeKind.Utc);

    private static EventFields Timed(string title) =>
        new(title, "Agenda", "Room 1", null, Utc(2025, 7, 1, 7), Utc(2025, 7, 1, 8), false, "Europe/Berlin", null);

    [Fact]
    public async Task FieldsRoundTripThroughNotion()
    {
        var db = fx.NewDatabase();
        var integration = await fx.NewIntegrationAsync(db.Id, WithId);
        var notes = string.Concat(Enumerable.Repeat("0123456789", 450));
        var allDay = new EventFields("Trip", null, "Lisbon", notes, Utc(2025, 3, 1), Utc(2025, 3, 4), true, null, null);
        var oneDay = allDay with { Title = "Day off", End = Utc(2025, 3, 2), Notes = null };
        var timed = Timed("Standup");

        var results = new List<RemoteWriteResult>();
        foreach (var f in new[] { allDay, oneDay, timed }) results.Add(await fx.Provider.CreateAsync(integration, Guid.NewGuid(), f, default));

        var trip = fx.Emulator.GetPageSnapshot(results[0].ExternalId);
        Assert.Equal(("2025-03-01", "2025-03-03"), (trip.DateStart("Date"), trip.Values["Date"]!["end"]!.GetValue<string>()));
        Assert.Equal(3, trip.Values["Notes"]!.AsArray().Count); // 4500 characters in three items
        Assert.Null(fx.Emulator.GetPageSnapshot(results[1].ExternalId).Values["Date"]!["end"]);
        Assert.Equal("2025-07-01T09:00:00.000+02:00", fx.Emulator.GetPageSnapshot(results[2].ExternalId).DateStart("Date"));

        foreach (var (written, expected) in results.Zip(new[] { allDay, oneDay, timed }))
        {
            var back = await fx.Provider.GetAsync(integration, written.ExternalId, default);
            Assert.True(FieldMerge.SameContent(expected, back!.Fields!), $"{expected} != {back.Fields}");
            Assert.Equal(written.Version, back.Version);
        }
        // Shortening the trip to one day clears Notion's end instead of leaving the old one.
        await fx.Provider.UpdateAsync(integration, Guid.NewGuid(), results[0].ExternalId, results[0].Version, allDay with { End = Utc(2025, 3, 2) }, default);
        Assert.Null(fx.Emulator.GetPageSnapshot(results[0].ExternalId).Values["Date"]!["end"]);
    }

    [Fact]
    public async Task SearchListsSharedDataSourcesWhoseSchemaPreselects()
    {
        var db = fx.NewDatabase();
        var integration = await fx.NewIntegrationAsync(db.Id, null);
        var call = new NotionCallContext(integration.CredentialId!.Value);

        var found = await fx.Client.SearchDataSourcesAsync(call, db.Title, default);
        var source = Assert.Single(found);
        var schema = (await fx.Client.RetrieveDataSourceAsync(call, source.Id, default))!.Properties!;
        var preselected = new NotionMappingValidator().Preselect(schema);

        Assert.Equal((db.DataSourceId, db.Id, db.Title), (source.Id, source.Parent?.DatabaseId, source.DisplayName));
        Assert.Equal(NotionPropertyMapping.Seed, preselected.Mapping);
        Assert.Equal("date", schema["Date"].Type);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task RetriedCreateAfterCommitThen500FindsTheFirstPage(bool withIdProperty)
    {
        var db = fx.NewDatabase(withIdProperty);
        var integration = await fx.NewIntegrationAsync(db.Id, withIdProperty ? WithId : WithoutId);
        var eventId = Guid.NewGuid();
        fx.Emulator.ResetStats();
        fx.Emulator.InjectFault(new NotionFault(NotionFaultKind.CommitThen500, PathContains: "/v1/pages", Method: "POST"));

        try { await Assert.ThrowsAsync<TransientProviderException>(() => fx.Provider.CreateAsync(integration, eventId, Timed("Landed"), default)); }
        finally { fx.Emulator.ClearFaults(); }
        Assert.Equal(1, fx.Emulator.GetStats().RequestsByEndpoint["POST /v1/pages"]); // a POST's 500 is not retried inline
        var retried = await fx.Provider.CreateAsync(integration, eventId, Timed("Landed"), default);

        var page = Assert.Single(fx.Emulator.ListPages(db.Id));
        Assert.Equal(page.Id, retried.ExternalId);
        Assert.Equal(1, fx.Emulator.GetStats().RequestsByEndpoint["POST /v1/pages"]);
        if (withIdProperty) Assert.Equal(eventId.ToString(), page.Text(NotionPropertyMapping.DefaultAppEventIdProperty));
    }

    [Fact]
    public async Task FallbackLookupIgnoresAPersonsPageWithTheSameTitleAndDate()
    {
        var db = fx.NewDatabase(withIdProperty: false);
        var integration = await fx.NewIntegrationAsync(db.Id, WithoutId);
        fx.CreatePageAsUser(db, "Standup", "2025-07-01T09:00:00+02:00");

        await fx.Provider.CreateAsync(integration, Guid.NewGuid(), Timed("Standup"), default);

        Assert.Equal(2, fx.Emulator.ListPages(db.Id).Count);
    }

    [Fact]
    public async Task UpdateWritesAndAStaleVersionIsAMismatch()
    {
        var db = fx.NewDatabase();
        var integration = await fx.NewIntegrationAsync(db.Id, WithId);
        var eventId = Guid.NewGuid();
        var created = await fx.Provider.CreateAsync(integration, eventId, Timed("Planning"), default);

        var updated = await fx.Provider.UpdateAsync(integration, eventId, created.ExternalId, created.Version, Timed("Planning v2") with { Location = null }, default);
        var page = fx.Emulator.GetPageSnapshot(created.ExternalId);
        Assert.Equal(("Planning v2", ""), (page.Text("Title"), page.Text("Location")));
        Assert.NotEqual(created.Version, updated.Version);

        // Someone edits it in Notion (same minute: only the content hash can tell).
        fx.Emulator.UpdatePageAsUser(created.ExternalId, new Dictionary<string, System.Text.Json.Nodes.JsonNode?> { ["Notes"] = NotionValues.RichText("theirs") });
        await Assert.ThrowsAsync<RemoteVersionMismatchException>(() =>
            fx.Provider.UpdateAsync(integration, eventId, created.ExternalId, updated.Version, Timed("Planning v3"), default));
        Assert.Equal("Planning v2", fx.Emulator.GetPageSnapshot(created.ExternalId).Text("Title"));
    }

    [Fact]
    public async Task DeleteTrashesThePageAndIsIdempotent()
    {
        var db = fx.NewDatabase();
        var integration = await fx.NewIntegrationAsync(db.Id, WithId);
        var created = await fx.Provider.CreateAsync(integration, Guid.NewGuid(), Timed("Cancelled"), default);

        await fx.Provider.DeleteAsync(integration, created.ExternalId, default);
        await fx.Provider.DeleteAsync(integration, created.ExternalId, default);
        await fx.Provider.DeleteAsync(integration, Guid.NewGuid().ToString(), default);

        Assert.True(fx.Emulator.GetPageSnapshot(created.ExternalId).InTrash);
        Assert.True((await fx.Provider.GetAsync(integration, created.ExternalId, default))!.Deleted);
        await Assert.ThrowsAsync<RemoteVersionMismatchException>(() =>
            fx.Provider.UpdateAsync(integration, Guid.NewGuid(), created.ExternalId, null, Timed("Revived?"), default));
    }
}
