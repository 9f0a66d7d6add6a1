using Bunit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SyncDashboard.Core.Domain;
using SyncDashboard.Core.Events;
using SyncDashboard.Core.Sync.Conflicts;
using SyncDashboard.Core.Sync.Merge;
using SyncDashboard.Web.Components.Dashboard;

namespace SyncDashboard.Tests.Components;

[UseInvariantCulture]
public sealed class ConflictsCardTests(ComponentDatabase database) : IClassFixture<ComponentDatabase>
{
    private static readonly DateTimeOffset Nine = new(2026, 3, 10, 9, 0, 0, TimeSpan.Zero);

    private ConflictService Conflicts => database.Services.GetRequiredService<ConflictService>();

    [Fact]
    public async Task WithoutOpenConflictsTheCardIsNotShown()
    {
        await using var ctx = NewContext();
        var userId = await database.NewUserAsync();
        var cut = await RenderAsync(ctx, userId);

        Assert.Empty(cut.FindAll("[data-testid=conflicts]"));
        Assert.Equal("", cut.Markup.Trim());
    }

    [Fact]
    public async Task CardNamesTheEventTheFieldsAndTheKeptSideWhenTheCalendarWon()
    {
        await using var ctx = NewContext();
        var (userId, _) = await SeedConflictAsync(ConflictOutcome.RemoteWon, "Title,Location",
            local: f => f with { Title = "Dentist", Location = "Main St 4" }, remote: f => f with { Title = "Dentist (moved)", Location = "Oak Rd 9" });
        var cut = await RenderAsync(ctx, userId);

        var conflict = Text.Of(cut.Find("[data-testid=conflict]"));
        Assert.Contains("Edited on both sides", Text.Of(cut.Find("[data-testid=conflicts]")));
        Assert.Contains("Dentist (moved): title, location changed in the app and in Work. Kept Work's version (the later edit).", conflict);
        Assert.Equal("Use the app's version", Text.Of(cut.Find("[data-testid=use-other-side]")));
        Assert.Equal("Keep", Text.Of(cut.Find("[data-testid=keep]")));
    }

    [Fact]
    public async Task WhenTheAppWonTheCardOffersTheCalendarsVersion()
    {
        await using var ctx = NewContext();
        var (userId, _) = await SeedConflictAsync(ConflictOutcome.LocalWon, "Notes",
            local: f => f with { Notes = "Bring X-rays" }, remote: f => f with { Notes = "Bring insurance card" });
        var cut = await RenderAsync(ctx, userId);

        Assert.Contains("notes changed in the app and in Work. Kept the app's version (the later edit).", Text.Of(cut.Find("[data-testid=conflict]")));
        Assert.Equal("Use Work's version", Text.Of(cut.Find("[data-testid=use-other-side]")));
    }

    [Fact]
    public async Task CardShowsBothSidesValuesOfEachCollidingField()
    {
        await using var ctx = NewContext();
        var (userId, _) = await SeedConflictAsync(ConflictOutcome.RemoteWon, "Title,Time",
            local: f => f with { Title = "Dentist" },
            remote: f => f with { Title = "Dentist (moved)", Start = f.Start.AddHours(1), End = f.End.AddHours(1) });
        var cut = await RenderAsync(ctx, userId);

        var conflict = Text.Of(cut.Find("[data-testid=conflict]"));
        Assert.Contains("Title: app “Dentist” · Work “Dentist (moved)”", conflict);
        Assert.Contains("Time: app “03/10/2026 09:00 UTC” · Work “03/10/2026 10:00 UTC”", conflict);
    }

    [Fact]
    public async Task CardShowsTheRecurrenceRuleOfEachSide()
    {
        await using var ctx = NewContext();
        var (userId, _) = await SeedConflictAsync(ConflictOutcome.RemoteWon, "Recurrence",
            local: f => f with { Title = "Stand-up", TimeZone = "Europe/Berlin", Recurrence = "RRULE:FREQ=WEEKLY;BYDAY=TU" },
            remote: f => f with { Title = "Stand-up", TimeZone = "Europe/Berlin", Recurrence = "RRULE:FREQ=DAILY;COUNT=5" });
        var cut = await RenderAsync(ctx, userId);

        var conflict = Text.Of(cut.Find("[data-testid=conflict]"));
        Assert.Contains("Stand-up: recurrence changed in the app and in Work.", conflict);
        Assert.Contains("Recurrence: app “RRULE:FREQ=WEEKLY;BYDAY=TU” · Work “RRULE:FREQ=DAILY;COUNT=5”", conflict);
    }

    [Fact]
    public async Task EveryOpenConflictIsListedNewestFirst()
    {
        await using var ctx = NewContext();
        var (userId, integration) = await SeedConflictAsync(ConflictOutcome.RemoteWon, "Title",
            local: f => f with { Title = "Dentist" }, remote: f => f with { Title = "Dentist (moved)" });
        database.Clock.Advance(TimeSpan.FromMinutes(5));
        await SeedConflictAsync(ConflictOutcome.LocalWon, "Location",
            local: f => f with { Title = "Gym", Location = "Hall A" }, remote: f => f with { Title = "Gym", Location = "Hall B" }, userId, integration);
        var cut = await RenderAsync(ctx, userId);

        var conflicts = Text.Of(cut.FindAll("[data-testid=conflict]"));
        Assert.Equal(2, conflicts.Count);
        Assert.StartsWith("Gym: location changed", conflicts[0]);
        Assert.StartsWith("Dentist (moved): title changed", conflicts[1]);
    }

    [Fact]
    public async Task KeepSettlesTheConflictLeavesTheEventAloneAndTellsThePage()
    {
        await using var ctx = NewContext();
        var (userId, _) = await SeedConflictAsync(ConflictOutcome.RemoteWon, "Title",
            local: f => f with { Title = "Dentist" }, remote: f => f with { Title = "Dentist (moved)" });
        var changed = 0;
        var cut = await RenderAsync(ctx, userId, () => changed++);

        await cut.Find("[data-testid=keep]").ClickAsync(new());

        Assert.Equal(1, changed);
        var stored = await StoredConflictAsync(userId);
        Assert.NotNull(stored.ResolvedAt);
        Assert.Equal(ConflictChoice.KeepAutomatic, stored.UserChoice);
        Assert.Equal("Dentist (moved)", Assert.Single(await database.EventsOfAsync(userId)).Title);
        Assert.Empty(await Conflicts.ListOpenAsync(userId));
    }

    [Fact]
    public async Task UsingTheOtherSideWritesItsValuesForTheCollidingFieldsOnly()
    {
        await using var ctx = NewContext();
        var (userId, _) = await SeedConflictAsync(ConflictOutcome.RemoteWon, "Title",
            local: f => f with { Title = "Dentist", Notes = "an older note" }, remote: f => f with { Title = "Dentist (moved)" });
        var changed = 0;
        var cut = await RenderAsync(ctx, userId, () => changed++);

        await cut.Find("[data-testid=use-other-side]").ClickAsync(new());

        Assert.Equal(1, changed);
        var ev = Assert.Single(await database.EventsOfAsync(userId));
        Assert.Equal("Dentist", ev.Title);
        Assert.Null(ev.Notes);
        Assert.Equal(2, ev.Version);
        Assert.Equal(ConflictChoice.UseOtherSide, (await StoredConflictAsync(userId)).UserChoice);
    }

    [Fact]
    public async Task ChoosingOnAConflictAnotherTabAlreadySettledJustRefreshesThePage()
    {
        await using var ctx = NewContext();
        var (userId, _) = await SeedConflictAsync(ConflictOutcome.RemoteWon, "Title",
            local: f => f with { Title = "Dentist" }, remote: f => f with { Title = "Dentist (moved)" });
        var changed = 0;
        var cut = await RenderAsync(ctx, userId, () => changed++);
        await Conflicts.ResolveAsync(userId, (await StoredConflictAsync(userId)).Id, ConflictChoice.UseOtherSide); // the other tab

        await cut.Find("[data-testid=keep]").ClickAsync(new());

        Assert.Equal(1, changed);
        Assert.Equal(ConflictChoice.UseOtherSide, (await StoredConflictAsync(userId)).UserChoice);
        Assert.Equal("Dentist", Assert.Single(await database.EventsOfAsync(userId)).Title);
    }

    [Fact]
    public async Task PageThatReloadsAfterAChoiceNoLongerShowsTheConflict()
    {
        await using var ctx = NewContext();
        var (userId, _) = await SeedConflictAsync(ConflictOutcome.LocalWon, "Title",
            local: f => f with { Title = "Dentist" }, remote: f => f with { Title = "Dentist (moved)" });
        IRenderedComponent<ConflictsCard>? cut = null;
        // What the dashboard does with Changed: load the open conflicts again and render the card with them.
        cut = await RenderAsync(ctx, userId, async () => { var open = await Conflicts.ListOpenAsync(userId); cut!.Render(p => p.Add(x => x.Items, open)); });

        await cut.Find("[data-testid=keep]").ClickAsync(new());

        cut.WaitForAssertion(() => Assert.Empty(cut.FindAll("[data-testid=conflicts]")));
    }

    private BunitContext NewContext()
    {
        var ctx = new BunitContext();
        ctx.Services.AddFallbackServiceProvider(database.Services);
        return ctx;
    }

    private async Task<IRenderedComponent<ConflictsCard>> RenderAsync(BunitContext ctx, Guid userId, Action? changed = null)
    {
        var items = await Conflicts.ListOpenAsync(userId);
        return ctx.Render<ConflictsCard>(p => p.Add(x => x.UserId, userId).Add(x => x.Items, items).Add(x => x.Changed, changed ?? (() => { })));
    }

    private async Task<IRenderedComponent<ConflictsCard>> RenderAsync(BunitContext ctx, Guid userId, Func<Task> changed)
    {
        var items = await Conflicts.ListOpenAsync(userId);
        return ctx.Render<ConflictsCard>(p => p.Add(x => x.UserId, userId).Add(x => x.Items, items).Add(x => x.Changed, changed));
    }

    /// <summary>
    /// An event edited on both sides, as the reconciler leaves it: the event holds the winning side's values and an
    /// open conflict row holds both sides. <paramref name="local"/> and <paramref name="remote"/> shape each side from a common base.
    /// </summary>
    private async Task<(Guid UserId, Core.Domain.Integration Integration)> SeedConflictAsync(
        ConflictOutcome outcome, string fields, Func<EventFields, EventFields> local, Func<EventFields, EventFields> remote,
        Guid? existingUser = null, Core.Domain.Integration? existingIntegration = null)
    {
        var userId = existingUser ?? await database.NewUserAsync();
        var integration = existingIntegration ?? await database.NewIntegrationAsync(userId, "Work");
        var common = new EventFields("Base", null, null, null, Nine.UtcDateTime, Nine.UtcDateTime.AddHours(1), false, null, null);
        var (localFields, remoteFields) = (local(common), remote(common));
        var winner = outcome == ConflictOutcome.RemoteWon ? remoteFields : localFields;
        var ev = await database.Services.GetRequiredService<EventService>().CreateAsync(userId, new EventInput(
            winner.Title, new DateTimeOffset(winner.Start, TimeSpan.Zero), new DateTimeOffset(winner.End, TimeSpan.Zero),
            winner.IsAllDay, winner.Location, winner.Description, winner.Notes, winner.TimeZone, winner.Recurrence));
        await database.AddAsync(new Conflict
        {
            UserId = userId, EventId = ev.Id, IntegrationId = integration.Id, Fields = fields, Outcome = outcome,
            LocalFields = FieldsJson.Serialize(localFields), RemoteFields = FieldsJson.Serialize(remoteFields),
        });
        return (userId, integration);
    }

    private async Task<Conflict> StoredConflictAsync(Guid userId)
    {
        await using var db = await database.CreateDbContextAsync();
        return await db.Conflicts.AsNoTracking().SingleAsync(c => c.UserId == userId);
    }
}
