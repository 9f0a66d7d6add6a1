using Bunit;
using Microsoft.Extensions.DependencyInjection;
using SyncDashboard.Core.Domain;
using SyncDashboard.Core.Formatting;
using SyncDashboard.Core.Sync.Conflicts;
using SyncDashboard.Tests.Infrastructure;
using SyncDashboard.Web.Components.Pages.Conflicts;

namespace SyncDashboard.Tests.Components.Conflicts;

/// <summary>The Conflicts page's list: each conflict's fields side by side, the automatic outcome marked, and the four answers.</summary>
[UseInvariantCulture]
public sealed class ConflictListTests(ComponentDatabase database) : IClassFixture<ComponentDatabase>
{
    private static readonly DateTimeFormatter Format = new(DisplayPreferences.FromCulture("en-GB", TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin")));

    private ConflictService Conflicts => database.Services.GetRequiredService<ConflictService>();

    [Fact]
    public async Task WithNothingOpenThePageSaysSo()
    {
        await using var ctx = EventEditorDialog.NewContext(database);
        var cut = await RenderAsync(ctx, await database.NewUserAsync());

        Assert.StartsWith("No conflicts.", Text.Of(cut.Find("[data-testid=conflicts-empty]")));
        Assert.Empty(cut.FindAll("[data-testid=conflict]"));
    }

    [Fact]
    public async Task EachCollidingFieldShowsTheAppsTheOtherSidesAndTheLastAgreedValueWithTheKeptSideMarked()
    {
        await using var ctx = EventEditorDialog.NewContext(database);
        var (userId, _, _) = await SeedAsync(ConflictOutcome.RemoteWon, "Title,Location",
            local: f => f with { Title = "Dentist", Location = "Main St 4" }, remote: f => f with { Title = "Dentist (moved)", Location = null },
            agreed: f => f with { Title = "Dentist appt", Location = "Main St 2" });
        var cut = await RenderAsync(ctx, userId);

        Assert.Equal("Dentist (moved)", Text.Of(cut.Find("[data-testid=conflict-title]")));
        Assert.Contains("Changed in the app and in Google · Work since they last agreed", Text.Of(cut.Find("[data-testid=conflict-summary]")));
        Assert.Contains("The sync kept Google's version, the later edit.", Text.Of(cut.Find("[data-testid=conflict-summary]")));
        Assert.Equal(["Field", "In the app", "In Google · Work", "Last agreed", "Use"], Text.Of(cut.FindAll("thead th")));
        var rows = cut.FindAll("[data-testid=conflict-field]");
        Assert.Equal(["Title", "Location"], rows.Select(r => r.GetAttribute("data-field")));
        Assert.Equal(["Dentist", "Dentist (moved)", "Dentist appt"], Values(rows[0]));
        Assert.Equal(["Main St 4", "(empty)", "Main St 2"], Values(rows[1]));
        Assert.Equal(2, cut.FindAll("[data-testid=remote-value] [data-testid=kept-mark]").Count);
        Assert.Empty(cut.FindAll("[data-testid=local-value] [data-testid=kept-mark]"));
        Assert.Equal("Take Google's", Text.Of(cut.Find("[data-testid=take-remote]")));
    }

    [Fact]
    public async Task TimesAreWrittenByTheOneFormatterInTheUsersZoneAndAMissingAgreementSaysSo()
    {
        await using var ctx = EventEditorDialog.NewContext(database);
        var (userId, _, _) = await SeedAsync(ConflictOutcome.LocalWon, "Time",
            local: f => f with { Start = f.Start.AddHours(1), End = f.End.AddHours(1) },
            remote: f => f with { Start = f.Start.AddDays(1), End = f.End.AddDays(1) }, agreed: null);
        var cut = await RenderAsync(ctx, userId);

        var row = cut.Find("[data-testid=conflict-field]");
        Assert.Equal("When", Text.Of(row.QuerySelector("th")!));
        var local = ConflictSeed.Nine.AddHours(1);
        Assert.Equal(Format.EventRange(local, local.AddHours(1), false), Values(row)[0]);
        Assert.Equal(["Tue, 10 Mar 11:00–12:00", "Wed, 11 Mar 10:00–11:00", "(no record)"], Values(row)); // 10:00 UTC is 11:00 in Berlin
        Assert.Single(row.QuerySelectorAll("[data-testid=local-value] [data-testid=kept-mark]"));
    }

    [Fact]
    public async Task PicksStartAtTheSideTheSyncKept()
    {
        await using var ctx = EventEditorDialog.NewContext(database);
        var (userId, _, _) = await SeedAsync(ConflictOutcome.LocalWon, "Title,Notes",
            local: f => f with { Title = "Gym", Notes = "a" }, remote: f => f with { Title = "Gym!", Notes = "b" });
        var cut = await RenderAsync(ctx, userId);

        Assert.All(cut.FindAll("[data-testid=picked]"), p => Assert.Equal("local", p.GetAttribute("data-picked")));
    }

    [Fact]
    public async Task KeepSettlesTheConflictLeavesTheEventAloneAndTellsThePage()
    {
        await using var ctx = EventEditorDialog.NewContext(database);
        var (userId, eventId, conflictId) = await SeedAsync(ConflictOutcome.RemoteWon, "Title",
            local: f => f with { Title = "Dentist" }, remote: f => f with { Title = "Dentist (moved)" });
        var changed = 0;
        var cut = await RenderAsync(ctx, userId, () => changed++);

        await cut.Find("[data-testid=keep]").ClickAsync(new());

        Assert.Equal(1, changed);
        var stored = await ConflictSeed.StoredAsync(database.Services, conflictId);
        Assert.NotNull(stored.ResolvedAt);
        Assert.Equal(ConflictChoice.KeepAutomatic, stored.UserChoice);
        var ev = (await database.EventsOfAsync(userId)).Single(e => e.Id == eventId);
        Assert.Equal(("Dentist (moved)", 1), (ev.Title, ev.Version));
        Assert.Empty(await Conflicts.ListOpenAsync(userId));
    }

    [Theory]
    [InlineData("take-local", "Dentist", "Main St 4", ConflictChoice.TakeLocal)]
    [InlineData("take-remote", "Dentist (moved)", "Oak Rd 9", ConflictChoice.TakeRemote)]
    public async Task TakingOneSideWritesItsValuesForEveryCollidingField(string button, string title, string location, ConflictChoice choice)
    {
        await using var ctx = EventEditorDialog.NewContext(database);
        var (userId, eventId, conflictId) = await SeedAsync(ConflictOutcome.LocalWon, "Title,Location",
            local: f => f with { Title = "Dentist", Location = "Main St 4" }, remote: f => f with { Title = "Dentist (moved)", Location = "Oak Rd 9" });
        var cut = await RenderAsync(ctx, userId);

        await cut.Find($"[data-testid={button}]").ClickAsync(new());

        var ev = (await database.EventsOfAsync(userId)).Single(e => e.Id == eventId);
        Assert.Equal((title, location), (ev.Title, ev.Location));
        Assert.Equal(choice, (await ConflictSeed.StoredAsync(database.Services, conflictId)).UserChoice);
    }

    [Fact]
    public async Task PickingASidePerFieldThenApplyingWritesEachFieldFromItsPick()
    {
        await using var ctx = EventEditorDialog.NewContext(database);
        var (userId, eventId, conflictId) = await SeedAsync(ConflictOutcome.LocalWon, "Title,Location",
            local: f => f with { Title = "Dentist", Location = "Main St 4" }, remote: f => f with { Title = "Dentist (moved)", Location = "Oak Rd 9" });
        var changed = 0;
        var cut = await RenderAsync(ctx, userId, () => changed++);

        await cut.Find("[data-field=Title] [data-testid=pick-remote]").ClickAsync(new());
        Assert.Equal("remote", cut.Find("[data-field=Title] [data-testid=picked]").GetAttribute("data-picked"));
        await cut.Find("[data-testid=apply-picks]").ClickAsync(new());

        Assert.Equal(1, changed);
        var ev = (await database.EventsOfAsync(userId)).Single(e => e.Id == eventId);
        Assert.Equal(("Dentist (moved)", "Main St 4"), (ev.Title, ev.Location));
        Assert.Equal(ConflictChoice.Merge, (await ConflictSeed.StoredAsync(database.Services, conflictId)).UserChoice);
        Assert.Contains(ctx.Services.GetRequiredService<MudBlazor.ISnackbar>().ShownSnackbars,
            s => s.Message == "Settled “Dentist”. The choice is on its way to every calendar.");
    }

    [Fact]
    public async Task ASideTheAppCannotSaveIsExplainedAndTheConflictStaysOpen()
    {
        await using var ctx = EventEditorDialog.NewContext(database);
        var (userId, eventId, conflictId) = await SeedAsync(ConflictOutcome.LocalWon, "Title",
            local: f => f with { Title = "Dentist" }, remote: f => f with { Title = " " });
        var changed = 0;
        var cut = await RenderAsync(ctx, userId, () => changed++);

        await cut.Find("[data-testid=take-remote]").ClickAsync(new());

        Assert.Equal(1, changed);
        Assert.Contains(ctx.Services.GetRequiredService<MudBlazor.ISnackbar>().ShownSnackbars,
            s => s.Message == "That choice cannot be saved: Title is required.");
        Assert.Null((await ConflictSeed.StoredAsync(database.Services, conflictId)).ResolvedAt);
        Assert.Equal("Dentist", (await database.EventsOfAsync(userId)).Single(e => e.Id == eventId).Title);
    }

    [Fact]
    public async Task ChoosingOnAConflictAnotherTabAlreadySettledJustRefreshesThePage()
    {
        await using var ctx = EventEditorDialog.NewContext(database);
        var (userId, eventId, conflictId) = await SeedAsync(ConflictOutcome.RemoteWon, "Title",
            local: f => f with { Title = "Dentist" }, remote: f => f with { Title = "Dentist (moved)" });
        var changed = 0;
        var cut = await RenderAsync(ctx, userId, () => changed++);
        await Conflicts.ResolveAsync(userId, conflictId, ConflictResolution.TakeLocal); // the other tab

        await cut.Find("[data-testid=keep]").ClickAsync(new());

        Assert.Equal(1, changed);
        Assert.Equal(ConflictChoice.TakeLocal, (await ConflictSeed.StoredAsync(database.Services, conflictId)).UserChoice);
        Assert.Equal("Dentist", (await database.EventsOfAsync(userId)).Single(e => e.Id == eventId).Title);
    }

    [Fact]
    public async Task EveryOpenConflictIsListedNewestFirst()
    {
        await using var ctx = EventEditorDialog.NewContext(database);
        var (userId, _, _) = await SeedAsync(ConflictOutcome.RemoteWon, "Title",
            local: f => f with { Title = "Dentist" }, remote: f => f with { Title = "Dentist (moved)" });
        database.Clock.Advance(TimeSpan.FromMinutes(5));
        var work = (await Conflicts.ListOpenAsync(userId)).Single().IntegrationId;
        await ConflictSeed.AddAsync(database.Services, userId, work, ConflictOutcome.LocalWon, "Location",
            ConflictSeed.Agreed() with { Title = "Gym", Location = "Hall A" }, ConflictSeed.Agreed() with { Title = "Gym", Location = "Hall B" });
        var cut = await RenderAsync(ctx, userId);

        Assert.Equal(["Gym", "Dentist (moved)"], Text.Of(cut.FindAll("[data-testid=conflict-title]")));
    }

    /// <summary>A field row's app, other side and last agreed values, without the kept mark.</summary>
    private static string[] Values(AngleSharp.Dom.IElement row) =>
        new[] { "local-value", "remote-value", "base-value" }.Select(t => Text.Of(row.QuerySelector($"[data-testid={t}] .value-text") ?? row.QuerySelector($"[data-testid={t}]")!)).ToArray();

    private async Task<IRenderedComponent<ConflictList>> RenderAsync(BunitContext ctx, Guid userId, Action? changed = null)
    {
        var items = await Conflicts.ListOpenAsync(userId);
        return ctx.Render<ConflictList>(p => p.Add(x => x.UserId, userId).Add(x => x.Items, items).Add(x => x.Format, Format)
            .Add(x => x.Changed, changed ?? (() => { })));
    }

    private async Task<(Guid UserId, Guid EventId, Guid ConflictId)> SeedAsync(ConflictOutcome outcome, string fields,
        Func<EventFields, EventFields> local, Func<EventFields, EventFields> remote, Func<EventFields, EventFields>? agreed = null)
    {
        var userId = await database.NewUserAsync();
        var work = await database.NewIntegrationAsync(userId, "Work");
        var common = ConflictSeed.Agreed();
        var (eventId, conflictId) = await ConflictSeed.AddAsync(database.Services, userId, work.Id, outcome, fields, local(common), remote(common),
            agreed is null ? null : agreed(common));
        return (userId, eventId, conflictId);
    }
}
