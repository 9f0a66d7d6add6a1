using Bunit;
using Microsoft.Extensions.DependencyInjection;
using SyncDashboard.Core.Domain;
using SyncDashboard.Core.Sync.Conflicts;
using SyncDashboard.Tests.Infrastructure;
using SyncDashboard.Web.Components.Dashboard;

namespace SyncDashboard.Tests.Components.Conflicts;

/// <summary>The dashboard's word on open conflicts: how many, which events, and the way to the Conflicts page.</summary>
[UseInvariantCulture]
public sealed class ConflictsCardTests(ComponentDatabase database) : IClassFixture<ComponentDatabase>
{
    private ConflictService Conflicts => database.Services.GetRequiredService<ConflictService>();

    [Fact]
    public async Task WithoutOpenConflictsTheCardIsNotShown()
    {
        await using var ctx = EventEditorDialog.NewContext(database);
        var cut = ctx.Render<ConflictsCard>(p => p.Add(x => x.Items, []));
        Assert.Empty(cut.FindAll("[data-testid=conflicts]"));
    }

    [Fact]
    public async Task CardCountsTheOpenConflictsNamesTheirEventsAndLeadsToThePage()
    {
        await using var ctx = EventEditorDialog.NewContext(database);
        var userId = await database.NewUserAsync();
        var work = await database.NewIntegrationAsync(userId, "Work");
        foreach (var title in new[] { "Dentist", "Gym" })
            await ConflictSeed.AddAsync(database.Services, userId, work.Id, ConflictOutcome.RemoteWon, "Title",
                ConflictSeed.Agreed() with { Title = title }, ConflictSeed.Agreed() with { Title = title + " (moved)" });

        var open = await Conflicts.ListOpenAsync(userId);
        var cut = ctx.Render<ConflictsCard>(p => p.Add(x => x.Items, open));

        Assert.Equal("2 events were changed in the app and on another calendar at once.", Text.Of(cut.Find("[data-testid=conflicts-summary]")));
        Assert.Equal("Dentist (moved), Gym (moved)", string.Join(", ", Text.Of(cut.Find("[data-testid=conflicts-titles]")).Split(", ").Order()));
        Assert.Equal("/conflicts", cut.Find("[data-testid=review-conflicts]").GetAttribute("href"));
    }

    [Fact]
    public async Task PastFiveTitlesTheCardCountsTheRest()
    {
        await using var ctx = EventEditorDialog.NewContext(database);
        var userId = await database.NewUserAsync();
        var work = await database.NewIntegrationAsync(userId, "Work");
        for (var i = 0; i < 7; i++)
            await ConflictSeed.AddAsync(database.Services, userId, work.Id, ConflictOutcome.LocalWon, "Notes",
                ConflictSeed.Agreed() with { Title = $"Event {i}", Notes = "a" }, ConflictSeed.Agreed() with { Title = $"Event {i}", Notes = "b" });

        var open = await Conflicts.ListOpenAsync(userId);
        var cut = ctx.Render<ConflictsCard>(p => p.Add(x => x.Items, open));

        Assert.StartsWith("7 events were changed", Text.Of(cut.Find("[data-testid=conflicts-summary]")));
        Assert.EndsWith(" and 2 more", Text.Of(cut.Find("[data-testid=conflicts-titles]")));
    }
}
