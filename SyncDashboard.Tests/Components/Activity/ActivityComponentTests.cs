using Bunit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using MudBlazor.Services;
using SyncDashboard.Core.Domain;
using SyncDashboard.Core.Formatting;
using SyncDashboard.Core.Sync.Activity;
using SyncDashboard.Web.Components.Calendar;
using SyncDashboard.Web.Components.Pages.Activity;

namespace SyncDashboard.Tests.Components.Activity;

/// <summary>The activity page's changes table and the editor's history, over Core's real services and database.</summary>
public sealed class ActivityComponentTests(ComponentDatabase database) : IClassFixture<ComponentDatabase>
{
    private static readonly DateTimeFormatter EnGb = new(DisplayPreferences.FromCulture("en-GB", TimeZoneInfo.Utc));
    private ActivityService Activity => database.Services.GetRequiredService<ActivityService>();

    [Fact]
    public async Task ADeadLetteredChangeShowsItsErrorAndRetryPutsItBackInLine()
    {
        await using var ctx = NewContext();
        var (userId, integration, ev) = await SeedAsync();
        var dead = await AddRowAsync(userId, integration.Id, ev.Id, OutboxState.DeadLettered, "Google said 400: invalid end time");
        var changed = 0;
        var cut = Render(ctx, userId, await Activity.ChangesAsync(userId, new ActivityFilter()), () => changed++);

        var row = cut.Find(".change-row");
        Assert.Contains("Standup (create)", Text.Of(row));
        Assert.Contains("Google · Work", Text.Of(row));
        Assert.Equal("gave up", Text.Of(row.QuerySelector("[data-testid=change-state]")!));
        Assert.Equal("Google said 400: invalid end time", Text.Of(row.QuerySelector("[data-testid=change-error]")!));

        await cut.Find("[data-testid=retry]").ClickAsync(new());

        var item = await RowAsync(dead);
        Assert.Equal((OutboxState.Pending, 0, (string?)null), (item.State, item.Attempts, item.LastError));
        Assert.Equal(1, changed);
        Assert.Contains(ctx.Services.GetRequiredService<ISnackbar>().ShownSnackbars, s => s.Message == "Sending “Standup” to Work again.");
        Assert.Empty(await Activity.ChangesAsync(userId, new ActivityFilter()));
    }

    [Fact]
    public async Task NoRetryIsOfferedForAChangeOfADisconnectedIntegrationAndEmptyListsSaySo()
    {
        await using var ctx = NewContext();
        var (userId, integration, ev) = await SeedAsync(IntegrationStatus.Disconnected);
        await AddRowAsync(userId, integration.Id, ev.Id, OutboxState.DeadLettered, "The integration was disconnected.");

        var cut = Render(ctx, userId, await Activity.ChangesAsync(userId, new ActivityFilter()));
        Assert.Contains("The integration was disconnected.", Text.Of(cut.Find(".change-row")));
        Assert.Empty(cut.FindAll("[data-testid=retry]"));

        var empty = Render(ctx, userId, []);
        Assert.Contains("Nothing here", Text.Of(empty.Find("[data-testid=changes-empty]")));
    }

    [Fact]
    public async Task TheEditorsHistorySaysWhereTheEventCameFromAndWhatWasSentWhere()
    {
        await using var ctx = NewContext();
        var userId = await database.NewUserAsync();
        var notion = await database.NewNotionIntegrationAsync(userId, "Plans");
        var google = await database.NewIntegrationAsync(userId, "Work");
        var created = database.Clock.GetUtcNow().UtcDateTime;
        var ev = new CalendarEvent { UserId = userId, Title = "Offsite", Start = created.AddDays(1), End = created.AddDays(1).AddHours(1), OriginIntegrationId = notion.Id };
        await database.AddAsync(ev);
        var sent = await AddRowAsync(userId, google.Id, ev.Id, OutboxState.Completed, null);
        await using (var db = await database.CreateDbContextAsync())
        {
            await db.Outbox.Where(o => o.Id == sent).ExecuteUpdateAsync(s => s.SetProperty(o => o.CompletedAt, created.AddMinutes(2)));
        }

        var cut = ctx.Render<EventHistory>(p => p.Add(c => c.EventId, ev.Id).Add(c => c.UserId, userId).Add(c => c.Format, EnGb));

        var lines = cut.FindAll("[data-testid=history-entry]").Select(Text.Of).ToList();
        Assert.Equal(["Tue, 10 Mar 08:00 Created in Notion (Plans)", "Tue, 10 Mar 08:02 Create sent to Google (Work)"], lines);
    }

    [Fact]
    public async Task AnotherUsersEventHasNoHistory()
    {
        await using var ctx = NewContext();
        var (_, _, ev) = await SeedAsync();
        var stranger = await database.NewUserAsync();
        var cut = ctx.Render<EventHistory>(p => p.Add(c => c.EventId, ev.Id).Add(c => c.UserId, stranger).Add(c => c.Format, EnGb));
        Assert.Empty(cut.FindAll("[data-testid=event-history]"));
    }

    private BunitContext NewContext()
    {
        var ctx = new BunitContext();
        ctx.JSInterop.Mode = JSRuntimeMode.Loose;
        ctx.Services.AddMudServices();
        ctx.Services.AddFallbackServiceProvider(database.Services);
        ctx.Render<MudPopoverProvider>();
        return ctx;
    }

    private static IRenderedComponent<ActivityChanges> Render(BunitContext ctx, Guid userId, IReadOnlyList<OutboxChangeDto> items, Action? changed = null) =>
        ctx.Render<ActivityChanges>(p => p
            .Add(c => c.Items, items)
            .Add(c => c.UserId, userId)
            .Add(c => c.Format, EnGb)
            .Add(c => c.Changed, () => changed?.Invoke()));

    private async Task<(Guid UserId, Core.Domain.Integration Integration, CalendarEvent Event)> SeedAsync(IntegrationStatus status = IntegrationStatus.Active)
    {
        var userId = await database.NewUserAsync();
        var integration = await database.NewIntegrationAsync(userId, "Work");
        if (status != IntegrationStatus.Active)
        {
            await using var db = await database.CreateDbContextAsync();
            await db.Integrations.Where(i => i.Id == integration.Id).ExecuteUpdateAsync(s => s.SetProperty(i => i.Status, status));
        }
        var now = database.Clock.GetUtcNow().UtcDateTime;
        var ev = new CalendarEvent { UserId = userId, Title = "Standup", Start = now.AddDays(1), End = now.AddDays(1).AddMinutes(15) };
        await database.AddAsync(ev);
        return (userId, integration, ev);
    }

    private async Task<long> AddRowAsync(Guid userId, Guid integrationId, Guid eventId, OutboxState state, string? error)
    {
        var item = new OutboxItem
        {
            UserId = userId, IntegrationId = integrationId, EventId = eventId, Operation = OutboxOperation.Create, State = state,
            Attempts = state == OutboxState.DeadLettered ? 8 : 1, LastError = error, NextAttemptAt = database.Clock.GetUtcNow().UtcDateTime,
        };
        await database.AddAsync(item);
        return item.Id;
    }

    private async Task<OutboxItem> RowAsync(long id)
    {
        await using var db = await database.CreateDbContextAsync();
        return await db.Outbox.AsNoTracking().FirstAsync(o => o.Id == id);
    }
}
