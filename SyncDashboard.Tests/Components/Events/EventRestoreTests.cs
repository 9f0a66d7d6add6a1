using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SyncDashboard.Core.Common;
using SyncDashboard.Core.Domain;
using SyncDashboard.Core.Events;
using SyncDashboard.Core.Sync;
using SyncDashboard.Core.Sync.Merge;
using SyncDashboard.Core.Sync.Outbox;

namespace SyncDashboard.Tests.Components.Events;

/// <summary>
/// Undo of a delete in Core, on a fake clock over a real SQLite file (no dispatcher runs here, so what the outbox holds is
/// exactly what would be sent). The window is the default, 10 s.
/// </summary>
public sealed class EventRestoreTests(ComponentDatabase database) : IClassFixture<ComponentDatabase>
{
    private EventService Events => database.Services.GetRequiredService<EventService>();
    private OutboxDispatcher Dispatcher => database.Services.GetRequiredService<OutboxDispatcher>();

    [Fact]
    public async Task DeleteWaitsOutTheUndoWindowBeforeItIsDue()
    {
        var (user, id, _) = await SyncedEventAsync();
        await Events.DeleteAsync(user, id);

        var row = Assert.Single(await DeleteRowsAsync(id));
        Assert.Equal(database.Clock.GetUtcNow().UtcDateTime.AddSeconds(10), row.NextAttemptAt);
        Assert.Equal(TimeSpan.FromSeconds(10), await Dispatcher.UntilNextDueAsync(default));
    }

    [Fact]
    public async Task RestoreWithinTheWindowBringsTheEventBackAndDropsItsDeletion()
    {
        var (user, id, _) = await SyncedEventAsync();
        await Events.DeleteAsync(user, id);
        database.Clock.Advance(TimeSpan.FromSeconds(9));

        var restored = await Events.RestoreAsync(user, id);

        Assert.Equal(id, restored.Id);
        Assert.Equal("Standup", (await Events.GetAsync(user, id)).Title);
        Assert.Empty(await DeleteRowsAsync(id));
        await using var db = await database.CreateDbContextAsync();
        Assert.Empty(await db.Outbox.Where(o => o.EventId == id && o.State == OutboxState.Pending).ToListAsync());
        Assert.Equal(LinkState.Synced, (await db.EventLinks.SingleAsync(l => l.EventId == id)).State);
    }

    [Fact]
    public async Task RestoreAfterTheWindowIsTooLate()
    {
        var (user, id, _) = await SyncedEventAsync();
        await Events.DeleteAsync(user, id);
        database.Clock.Advance(TimeSpan.FromSeconds(10));

        var error = await Assert.ThrowsAsync<ConcurrencyConflictException>(() => Events.RestoreAsync(user, id));
        Assert.StartsWith("Too late to undo", error.Message);
        await Assert.ThrowsAsync<NotFoundException>(() => Events.GetAsync(user, id));
    }

    [Fact]
    public async Task AnotherUsersEventOrOneNeverDeletedIsNotFound()
    {
        var (user, id, _) = await SyncedEventAsync();
        await Assert.ThrowsAsync<NotFoundException>(() => Events.RestoreAsync(user, id));
        await Events.DeleteAsync(user, id);
        var stranger = await database.NewUserAsync();
        await Assert.ThrowsAsync<NotFoundException>(() => Events.RestoreAsync(stranger, id));
        await Assert.ThrowsAsync<NotFoundException>(() => Events.RestoreAsync(user, Guid.NewGuid()));
    }

    [Fact]
    public async Task DeletedInGoogleMeanwhileCannotBeUndone()
    {
        var (user, id, integration) = await SyncedEventAsync();
        await Events.DeleteAsync(user, id);
        await using (var db = await database.CreateDbContextAsync())
        {
            // The pull of Google's own deletion of the same event, arriving inside the window.
            var reconciler = database.Services.GetRequiredService<Reconciler>();
            var remote = new RemoteEvent("g-" + id.ToString("N"), "v2", Deleted: true, Fields: null, UpdatedAt: database.Clock.GetUtcNow().UtcDateTime);
            await reconciler.ApplyAsync(db, integration, remote, new ReconcileOutcome(), default);
            await db.SaveChangesAsync();
        }

        var error = await Assert.ThrowsAsync<ConcurrencyConflictException>(() => Events.RestoreAsync(user, id));
        Assert.Contains("already deleted in Google", error.Message);
    }

    [Fact]
    public async Task AnEditThatHadNotLeftYetIsSentAgainAfterRestore()
    {
        var (user, id, _) = await SyncedEventAsync();
        var ev = await Events.GetAsync(user, id);
        await Events.UpdateAsync(user, id, new EventInput("Standup (moved)", ev.Start.AddHours(1), ev.End.AddHours(1)));
        await Events.DeleteAsync(user, id);

        await Events.RestoreAsync(user, id);

        await using var db = await database.CreateDbContextAsync();
        var row = await db.Outbox.SingleAsync(o => o.EventId == id && o.State == OutboxState.Pending);
        Assert.Equal(OutboxOperation.Update, row.Operation);
        Assert.True(row.NextAttemptAt <= database.Clock.GetUtcNow().UtcDateTime);
    }

    /// <summary>An event already sent to a Google calendar: linked, agreed, and its create row done.</summary>
    private async Task<(Guid User, Guid Id, Core.Domain.Integration Integration)> SyncedEventAsync()
    {
        var user = await database.NewUserAsync();
        var integration = await database.NewIntegrationAsync(user, "Work");
        var start = database.Clock.GetUtcNow().AddDays(1);
        var created = await Events.CreateAsync(user, new EventInput("Standup", start, start.AddMinutes(15)));
        await using var db = await database.CreateDbContextAsync();
        var ev = await db.Events.SingleAsync(e => e.Id == created.Id);
        var link = await db.EventLinks.SingleAsync(l => l.EventId == created.Id);
        (link.ExternalId, link.RemoteVersion, link.State, link.BaseFields) = ("g-" + created.Id.ToString("N"), "v1", LinkState.Synced, FieldsJson.Serialize(ev.ToFields()));
        foreach (var row in await db.Outbox.Where(o => o.EventId == created.Id).ToListAsync()) row.State = OutboxState.Completed;
        await db.SaveChangesAsync();
        return (user, created.Id, integration);
    }

    private async Task<List<OutboxItem>> DeleteRowsAsync(Guid id)
    {
        await using var db = await database.CreateDbContextAsync();
        return await db.Outbox.AsNoTracking().Where(o => o.EventId == id && o.Operation == OutboxOperation.Delete).ToListAsync();
    }
}
