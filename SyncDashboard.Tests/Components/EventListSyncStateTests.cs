using Microsoft.Extensions.DependencyInjection;
using SyncDashboard.Core.Domain;
using SyncDashboard.Core.Events;

namespace SyncDashboard.Tests.Components;

/// <summary>
/// The list the calendar draws from carries each event's source and its sync state with every integration, so the
/// page can colour events and mark the ones not in sync without asking per event.
/// </summary>
public sealed class EventListSyncStateTests(ComponentDatabase database) : IClassFixture<ComponentDatabase>
{
    private static readonly DateTimeOffset NineUtc = new(2026, 3, 10, 9, 0, 0, TimeSpan.Zero);

    private EventService Events => database.Services.GetRequiredService<EventService>();

    [Fact]
    public async Task ListedEventsCarryTheirSyncStatesAndWhereTheyCameFrom()
    {
        var userId = await database.NewUserAsync();
        var work = await database.NewIntegrationAsync(userId, "Work");
        var made = await Events.CreateAsync(userId, new EventInput("Made here", NineUtc, NineUtc.AddHours(1)));
        var imported = new CalendarEvent
        {
            UserId = userId, Title = "From Google", Start = NineUtc.UtcDateTime.AddHours(2), End = NineUtc.UtcDateTime.AddHours(3),
            Version = 1, OriginIntegrationId = work.Id,
        };
        await database.AddAsync(imported, new EventLink
        {
            UserId = userId, EventId = imported.Id, IntegrationId = work.Id, ExternalId = "g-1", State = LinkState.Failed,
            LastError = "Google said 403.",
        });

        var list = await Events.ListAsync(userId, NineUtc.AddDays(-1), NineUtc.AddDays(1));

        var first = Assert.Single(list, e => e.Id == made.Id);
        Assert.Null(first.OriginIntegrationId);
        var pending = Assert.Single(first.ExternalSync);
        Assert.Equal((work.Id, "Work", LinkState.Pending), (pending.IntegrationId, pending.Integration, pending.State));
        var second = Assert.Single(list, e => e.Id == imported.Id);
        Assert.Equal(work.Id, second.OriginIntegrationId);
        var failed = Assert.Single(second.ExternalSync);
        Assert.Equal((LinkState.Failed, "Google said 403."), (failed.State, failed.Error));
    }

    [Fact]
    public async Task EveryOccurrenceOfASeriesCarriesTheSeriesSyncState()
    {
        var userId = await database.NewUserAsync();
        await database.NewIntegrationAsync(userId, "Work");
        await Events.CreateAsync(userId, new EventInput("Stand-up", NineUtc, NineUtc.AddMinutes(15), TimeZone: "UTC",
            Recurrence: "RRULE:FREQ=DAILY;COUNT=3"));

        var list = await Events.ListAsync(userId, NineUtc.AddDays(-1), NineUtc.AddDays(5));

        Assert.Equal(3, list.Count);
        Assert.All(list, e => Assert.Equal(LinkState.Pending, Assert.Single(e.ExternalSync).State));
    }

    [Fact]
    public async Task AnEventWithoutIntegrationsListsNoStates()
    {
        var userId = await database.NewUserAsync();
        await Events.CreateAsync(userId, new EventInput("Alone", NineUtc, NineUtc.AddHours(1)));

        var listed = Assert.Single(await Events.ListAsync(userId, NineUtc.AddDays(-1), NineUtc.AddDays(1)));

        Assert.Empty(listed.ExternalSync);
    }
}
