using Microsoft.EntityFrameworkCore;
using SyncDashboard.Core.Domain;
using SyncDashboard.Core.Events;
using SyncDashboard.Core.Persistence;
using SyncDashboard.Tests.Infrastructure;

namespace SyncDashboard.Tests.Integration;

[Collection(AppCollection.Name)]
public sealed class OutboxTransactionTests(AppFixture fixture)
{
    private readonly AppHost _app = fixture.App;
    private static readonly DateTimeOffset Start = new(2026, 12, 4, 9, 0, 0, TimeSpan.Zero);

    private async Task<Guid> AddIntegrationAsync(Guid userId, bool home, SyncDirection direction = SyncDirection.TwoWay)
    {
        await using var db = await _app.Get<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
        // A grant waiting for reconnect: the background outbox worker leaves its rows Pending (never in flight), so the
        // test sees exactly what the transaction wrote, however quickly the worker wakes.
        var credential = new ProviderCredential { UserId = userId, Provider = Provider.Google, AccountName = "waiting " + Guid.NewGuid().ToString("N"), ProtectedTokens = "", NeedsReconnect = true };
        db.Credentials.Add(credential);
        var integration = new SyncDashboard.Core.Domain.Integration
        {
            UserId = userId, Provider = Provider.Google, DisplayName = "Work", ExternalId = Guid.NewGuid().ToString(),
            IsHome = home, Direction = direction, CredentialId = credential.Id,
        };
        db.Integrations.Add(integration);
        await db.SaveChangesAsync();
        return integration.Id;
    }

    private async Task<List<OutboxItem>> OutboxAsync(Guid userId)
    {
        await using var db = await _app.Get<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
        return await db.Outbox.Where(o => o.UserId == userId).OrderBy(o => o.Id).ToListAsync();
    }

    [Fact]
    public async Task WithoutIntegrationsAnEventWritesNoOutboxRows()
    {
        var user = await _app.CreateUserAsync();
        await _app.Get<EventService>().CreateAsync(user.Id, new EventInput("solo", Start, Start.AddHours(1)));
        Assert.Empty(await OutboxAsync(user.Id));
    }

    [Fact]
    public async Task CreateQueuesForHomeIntegrationOnlyAndNotForImportOnly()
    {
        var user = await _app.CreateUserAsync();
        var home = await AddIntegrationAsync(user.Id, home: true);
        await AddIntegrationAsync(user.Id, home: false);
        await AddIntegrationAsync(user.Id, home: true, SyncDirection.ImportOnly);

        var created = await _app.Get<EventService>().CreateAsync(user.Id, new EventInput("shared", Start, Start.AddHours(1)));
        var rows = await OutboxAsync(user.Id);
        var row = Assert.Single(rows);
        Assert.Equal((home, created.Id, OutboxOperation.Create, OutboxState.Pending), (row.IntegrationId, row.EventId, row.Operation, row.State));
        Assert.Equal(LinkState.Pending, Assert.Single(created.ExternalSync).State);
    }

    [Fact]
    public async Task EditsBeforeDispatchCoalesceIntoOneRowAndDeleteWins()
    {
        var user = await _app.CreateUserAsync();
        await AddIntegrationAsync(user.Id, home: true);
        var events = _app.Get<EventService>();
        var created = await events.CreateAsync(user.Id, new EventInput("draft", Start, Start.AddHours(1)));
        await events.UpdateAsync(user.Id, created.Id, new EventInput("final", Start, Start.AddHours(1)));
        Assert.Equal(OutboxOperation.Create, Assert.Single(await OutboxAsync(user.Id)).Operation);
        await events.DeleteAsync(user.Id, created.Id);
        Assert.Equal(OutboxOperation.Delete, Assert.Single(await OutboxAsync(user.Id)).Operation);
    }

    [Fact]
    public async Task AFailedWriteLeavesNeitherEventNorOutboxRow()
    {
        var user = await _app.CreateUserAsync();
        await AddIntegrationAsync(user.Id, home: true);
        var factory = _app.Get<IDbContextFactory<AppDbContext>>();
        await using (var db = await factory.CreateDbContextAsync())
        {
            // Make the event insert fail inside the transaction, after the outbox row has been added to it.
            await db.Database.ExecuteSqlRawAsync(
                "CREATE TRIGGER fail_event_insert BEFORE INSERT ON Events WHEN NEW.Title = 'doomed' BEGIN SELECT RAISE(ABORT, 'disk full'); END;");
        }
        try
        {
            await Assert.ThrowsAsync<DbUpdateException>(() =>
                _app.Get<EventService>().CreateAsync(user.Id, new EventInput("doomed", Start, Start.AddHours(1))));
            Assert.Empty(await OutboxAsync(user.Id));
            await using var check = await factory.CreateDbContextAsync();
            Assert.False(await check.Events.AnyAsync(e => e.UserId == user.Id));
        }
        finally
        {
            await using var db = await factory.CreateDbContextAsync();
            await db.Database.ExecuteSqlRawAsync("DROP TRIGGER fail_event_insert;");
        }
    }
}
