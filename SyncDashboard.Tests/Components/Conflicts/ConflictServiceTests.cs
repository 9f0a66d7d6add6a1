using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SyncDashboard.Core.Common;
using SyncDashboard.Core.Domain;
using SyncDashboard.Core.Events;
using SyncDashboard.Core.Notifications;
using SyncDashboard.Core.Sync.Conflicts;
using SyncDashboard.Tests.Infrastructure;

namespace SyncDashboard.Tests.Components.Conflicts;

/// <summary>Settling a conflict over a real SQLite file: what is written, where it is sent, and who may settle it.</summary>
public sealed class ConflictServiceTests(ComponentDatabase database) : IClassFixture<ComponentDatabase>
{
    private ConflictService Conflicts => database.Services.GetRequiredService<ConflictService>();

    [Fact]
    public async Task ASettledChoiceIsQueuedForEveryCalendarOfTheUser()
    {
        var (userId, work, eventId, conflictId) = await SeedAsync();
        var notion = await database.NewNotionIntegrationAsync(userId, "Projects");
        await database.AddAsync(new EventLink { UserId = userId, EventId = eventId, IntegrationId = notion.Id, ExternalId = "page-1", State = LinkState.Synced });
        await ClearOutboxAsync(userId);

        var resolved = await Conflicts.ResolveAsync(userId, conflictId, ConflictResolution.TakeRemote);

        Assert.Equal(("Dentist (moved)", "Oak Rd 9"), (resolved.Event.Title, resolved.Event.Location));
        await using var db = await database.CreateDbContextAsync();
        var queued = await db.Outbox.Where(o => o.EventId == eventId && o.State == OutboxState.Pending).Select(o => o.IntegrationId).ToListAsync();
        Assert.Equal(new[] { notion.Id, work.Id }.Order(), queued.Order());
    }

    [Fact]
    public async Task OnlyTheCollidingFieldsChangeSoALaterEditOfAnotherFieldStays()
    {
        var (userId, _, eventId, conflictId) = await SeedAsync();
        var events = database.Services.GetRequiredService<EventService>();
        var now = await events.GetAsync(userId, eventId);
        await events.UpdateAsync(userId, eventId, new EventInput(now.Title, now.Start, now.End, Location: now.Location, Notes: "bring X-rays"));

        await Conflicts.ResolveAsync(userId, conflictId, ConflictResolution.TakeRemote);

        var ev = (await database.EventsOfAsync(userId)).Single(e => e.Id == eventId);
        Assert.Equal(("Dentist (moved)", "Oak Rd 9", "bring X-rays"), (ev.Title, ev.Location, ev.Notes));
    }

    [Fact]
    public async Task TheOlderOtherSideChoiceStillTakesTheLosingSide()
    {
        var (userId, _, eventId, conflictId) = await SeedAsync(ConflictOutcome.RemoteWon);

        await Conflicts.ResolveAsync(userId, conflictId, ConflictChoice.UseOtherSide);

        var ev = (await database.EventsOfAsync(userId)).Single(e => e.Id == eventId);
        Assert.Equal(("Dentist", "Main St 4"), (ev.Title, ev.Location));
        Assert.Equal(ConflictChoice.UseOtherSide, (await ConflictSeed.StoredAsync(database.Services, conflictId)).UserChoice);
    }

    [Fact]
    public async Task KeepingTheOutcomeChangesNoEventButStillTellsOpenPages()
    {
        var (userId, work, eventId, conflictId) = await SeedAsync();
        var seen = new TaskCompletionSource<CalendarChanged>(TaskCreationOptions.RunContinuationsAsynchronously);
        using var _ = database.Services.GetRequiredService<IChangeNotifier>().Subscribe(userId, c => { seen.TrySetResult(c); return Task.CompletedTask; });

        await Conflicts.ResolveAsync(userId, conflictId, ConflictResolution.Keep);

        var change = await seen.Task.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal((work.Id, eventId), (change.IntegrationId, Assert.Single(change.EventIds)));
        Assert.Equal(1, (await database.EventsOfAsync(userId)).Single(e => e.Id == eventId).Version);
        Assert.Equal(0, await Conflicts.CountOpenAsync(userId));
    }

    [Fact]
    public async Task AnotherUsersASettledOrAnUnknownConflictIsNotFoundAndNothingChanges()
    {
        var (userId, _, eventId, conflictId) = await SeedAsync();
        var stranger = await database.NewUserAsync();

        await Assert.ThrowsAsync<NotFoundException>(() => Conflicts.ResolveAsync(stranger, conflictId, ConflictResolution.TakeRemote));
        await Assert.ThrowsAsync<NotFoundException>(() => Conflicts.ResolveAsync(userId, Guid.NewGuid(), ConflictResolution.TakeRemote));
        Assert.Null((await ConflictSeed.StoredAsync(database.Services, conflictId)).ResolvedAt);
        Assert.Empty(await Conflicts.ListOpenAsync(stranger));

        await Conflicts.ResolveAsync(userId, conflictId, ConflictResolution.Keep);
        await Assert.ThrowsAsync<NotFoundException>(() => Conflicts.ResolveAsync(userId, conflictId, ConflictResolution.TakeRemote));
        Assert.Equal("Dentist", (await database.EventsOfAsync(userId)).Single(e => e.Id == eventId).Title);
    }

    [Fact]
    public async Task AConflictOnADeletedEventIsNeitherListedNorSettled()
    {
        var (userId, _, eventId, conflictId) = await SeedAsync();
        await database.Services.GetRequiredService<EventService>().DeleteAsync(userId, eventId);

        Assert.Empty(await Conflicts.ListOpenAsync(userId));
        Assert.Equal(0, await Conflicts.CountOpenAsync(userId));
        await Assert.ThrowsAsync<NotFoundException>(() => Conflicts.ResolveAsync(userId, conflictId, ConflictResolution.Keep));
    }

    [Fact]
    public async Task AMergeNamingAFieldTheConflictDoesNotHaveIsRefusedAndLeavesItOpen()
    {
        var (userId, _, _, conflictId) = await SeedAsync();

        await Assert.ThrowsAsync<InputValidationException>(() => Conflicts.ResolveAsync(userId, conflictId,
            ConflictResolution.Merge(new Dictionary<string, ConflictSide> { ["Title"] = ConflictSide.Local, ["Location"] = ConflictSide.Local, ["Notes"] = ConflictSide.Remote })));

        Assert.Null((await ConflictSeed.StoredAsync(database.Services, conflictId)).ResolvedAt);
    }

    private async Task<(Guid UserId, Core.Domain.Integration Work, Guid EventId, Guid ConflictId)> SeedAsync(ConflictOutcome outcome = ConflictOutcome.LocalWon)
    {
        var userId = await database.NewUserAsync();
        var work = await database.NewIntegrationAsync(userId, "Work");
        var (eventId, conflictId) = await ConflictSeed.AddAsync(database.Services, userId, work.Id, outcome, "Title,Location",
            ConflictSeed.Agreed() with { Title = "Dentist", Location = "Main St 4" }, ConflictSeed.Agreed() with { Title = "Dentist (moved)", Location = "Oak Rd 9" },
            ConflictSeed.Agreed() with { Title = "Dentist appt" });
        return (userId, work, eventId, conflictId);
    }

    private async Task ClearOutboxAsync(Guid userId)
    {
        await using var db = await database.CreateDbContextAsync();
        await db.Outbox.Where(o => o.UserId == userId).ExecuteDeleteAsync();
    }
}
