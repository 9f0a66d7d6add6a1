using Bunit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using SyncDashboard.Core.Domain;
using SyncDashboard.Core.Sync.MassDelete;
using SyncDashboard.Web.Components.Dashboard;

namespace SyncDashboard.Tests.Components;

[UseInvariantCulture]
public sealed class HeldDeletionsCardTests(ComponentDatabase database) : IClassFixture<ComponentDatabase>
{
    private HeldDeletionService Held => database.Services.GetRequiredService<HeldDeletionService>();

    [Fact]
    public async Task CardSaysHowManyDeletionsWaitWhereFromAndSinceWhenAndNamesTheFirstFew()
    {
        await using var ctx = NewContext();
        var (userId, _) = await SeedHeldAsync(12);
        var cut = await RenderAsync(ctx, userId);

        var card = Text.Of(cut.Find("[data-testid=held-deletions]"));
        Assert.Contains("Google · Work: 12 deletions are waiting. They came from Google at 08:00 (more than half of its events).", card);
        Assert.Equal("Seeded 00, Seeded 01, Seeded 02, Seeded 03, Seeded 04 and 7 more", Text.Of(cut.Find("[data-testid=held-titles]")));
        Assert.Equal("Apply deletions", Text.Of(cut.Find("[data-testid=apply-deletions]")));
        Assert.Equal("Keep events", Text.Of(cut.Find("[data-testid=keep-events]")));
    }

    [Fact]
    public async Task WithNothingHeldTheCardIsNotShown()
    {
        await using var ctx = NewContext();
        var cut = await RenderAsync(ctx, await database.NewUserAsync());
        Assert.Empty(cut.FindAll("[data-testid=held-deletions]"));
    }

    [Fact]
    public async Task ApplyAsksNamingTheCountThenDeletesTheEventsAndTellsThePage()
    {
        await using var ctx = NewContext();
        var dialogs = ctx.Render<MudDialogProvider>();
        var (userId, _) = await SeedHeldAsync(12);
        var changed = 0;
        var cut = await RenderAsync(ctx, userId, () => changed++);

        var asking = cut.Find("[data-testid=apply-deletions]").ClickAsync(new());
        var question = Text.Of(dialogs.WaitForElement(".mud-message-box"));
        Assert.Contains("Apply 12 deletions?", question);
        Assert.Contains("12 events will be deleted in the app and on your other calendars.", question);
        await dialogs.MessageBoxButton("Cancel").ClickAsync(new());
        await asking;
        Assert.Equal(0, changed);
        Assert.All(await database.EventsOfAsync(userId), e => Assert.False(e.IsDeleted));

        asking = cut.Find("[data-testid=apply-deletions]").ClickAsync(new());
        await dialogs.MessageBoxButton("Delete 12 events").ClickAsync(new());
        await asking;

        Assert.Equal(1, changed);
        Assert.All(await database.EventsOfAsync(userId), e => Assert.True(e.IsDeleted));
        Assert.Empty(await Held.ListAsync(userId));
    }

    [Fact]
    public async Task KeepEventsKeepsThemAndQueuesThemForTheCalendarThatDeletedThem()
    {
        await using var ctx = NewContext();
        var (userId, integration) = await SeedHeldAsync(12);
        var changed = 0;
        var cut = await RenderAsync(ctx, userId, () => changed++);

        await cut.Find("[data-testid=keep-events]").ClickAsync(new());

        Assert.Equal(1, changed);
        Assert.All(await database.EventsOfAsync(userId), e => Assert.False(e.IsDeleted));
        Assert.Empty(await Held.ListAsync(userId));
        await using var db = await database.CreateDbContextAsync();
        var creates = await db.Outbox.Where(o => o.IntegrationId == integration.Id).ToListAsync();
        Assert.Equal(12, creates.Count(o => o.Operation == OutboxOperation.Create && o.State == OutboxState.Pending));
        Assert.All(await db.EventLinks.Where(l => l.IntegrationId == integration.Id).ToListAsync(), l => Assert.Null(l.ExternalId));
    }

    private BunitContext NewContext()
    {
        var ctx = EventEditorDialog.NewContext(database);
        ctx.Render<MudPopoverProvider>();
        return ctx;
    }

    private async Task<IRenderedComponent<HeldDeletionsCard>> RenderAsync(BunitContext ctx, Guid userId, Action? changed = null)
    {
        var groups = await Held.ListAsync(userId);
        return ctx.Render<HeldDeletionsCard>(p => p.Add(x => x.UserId, userId).Add(x => x.Groups, groups)
            .Add(x => x.Now, database.Clock.GetUtcNow()).Add(x => x.Changed, changed ?? (() => { })));
    }

    /// <summary>Events synced with a Google calendar that then reported them all deleted, held as the guard leaves them.</summary>
    private async Task<(Guid UserId, Core.Domain.Integration Integration)> SeedHeldAsync(int count)
    {
        var userId = await database.NewUserAsync();
        var integration = await database.NewIntegrationAsync(userId, "Work");
        var start = database.Clock.GetUtcNow().UtcDateTime.AddDays(1);
        var rows = new List<object>();
        for (var i = 0; i < count; i++)
        {
            var ev = new CalendarEvent { UserId = userId, Title = $"Seeded {i:00}", Start = start.AddHours(i), End = start.AddHours(i + 1), Version = 1 };
            rows.Add(ev);
            rows.Add(new EventLink { UserId = userId, EventId = ev.Id, IntegrationId = integration.Id, ExternalId = $"g{i}", State = LinkState.Synced });
            rows.Add(new HeldDeletion
            {
                UserId = userId, IntegrationId = integration.Id, EventId = ev.Id, ExternalId = $"g{i}", Direction = HeldDirection.Inbound,
                DetectedAt = database.Clock.GetUtcNow().UtcDateTime,
            });
        }
        await database.AddAsync([.. rows]);
        return (userId, integration);
    }
}
