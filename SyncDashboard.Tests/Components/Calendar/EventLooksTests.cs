using Bunit;
using MudBlazor;
using SyncDashboard.Core.Domain;
using SyncDashboard.Web.Calendar.Sources;
using SyncDashboard.Web.Components.Calendar;
using static SyncDashboard.Tests.Components.Calendar.CalendarKit;

namespace SyncDashboard.Tests.Components.Calendar;

/// <summary>How an event shows where it comes from and whether it is in sync, and the legend that explains it.</summary>
public sealed class EventLooksTests
{
    private static readonly Guid Work = Guid.NewGuid();
    private static readonly Guid Tasks = Guid.NewGuid();
    private static readonly Guid Old = Guid.NewGuid();

    private static CalendarSources Sources() =>
        CalendarKit.Sources((Work, "Work", Provider.Google, true), (Tasks, "Tasks", Provider.Notion, true), (Old, "Old", Provider.Google, false));

    private static IRenderedComponent<MonthView> Month(BunitContext ctx, CalendarData data)
    {
        ctx.Render<MudPopoverProvider>();
        return ctx.Render<MonthView>(p => p.Add(x => x.Data, data).Add(x => x.Anchor, new DateOnly(2026, 12, 1)));
    }

    [Fact]
    public async Task EachEventIsColouredByItsSourceAndTheAppsOwnByTheAppsColour()
    {
        await using var ctx = NewContext();
        var cut = Month(ctx, Data([
            Timed("Mine", Local(12, 2, 9, 0), 60),
            Timed("From Google", Local(12, 2, 10, 0), 60, origin: Work),
            Timed("From Notion", Local(12, 2, 11, 0), 60, origin: Tasks),
        ], sources: Sources()));

        Assert.Equal(("app", $"--source:{SourcePalette.App};"), (cut.Chip("Mine").GetAttribute("data-source"), cut.Chip("Mine").PositionStyle()[..(SourcePalette.App.Length + 10)]));
        Assert.StartsWith($"--source:{SourcePalette.Integrations[0]};", cut.Chip("From Google").PositionStyle());
        Assert.StartsWith($"--source:{SourcePalette.Integrations[1]};", cut.Chip("From Notion").PositionStyle());
        Assert.Equal(Tasks.ToString(), cut.Chip("From Notion").GetAttribute("data-source"));
    }

    [Fact]
    public async Task ASeriesAndAnEventNotInSyncCarryTheirMarksAndSayItToScreenReaders()
    {
        await using var ctx = NewContext();
        var cut = Month(ctx, Data([
            Timed("Stand-up", Local(12, 2, 9, 0), 15, recurrence: "RRULE:FREQ=DAILY"),
            Timed("Waiting", Local(12, 3, 9, 0), 60, sync: [Sync(LinkState.Synced), Sync(LinkState.Pending, "Tasks")]),
            Timed("Broken", Local(12, 4, 9, 0), 60, sync: [Sync(LinkState.Pending), Sync(LinkState.Failed, "Tasks")]),
            Timed("Fine", Local(12, 5, 9, 0), 60, sync: [Sync(LinkState.Synced)]),
        ]));

        Assert.NotNull(cut.Chip("Stand-up").QuerySelector("[data-testid=recurring-mark]"));
        Assert.Null(cut.Chip("Stand-up").QuerySelector("[data-testid=sync-mark]"));
        Assert.Equal("pending", cut.Chip("Waiting").GetAttribute("data-sync"));
        Assert.Equal("failed", cut.Chip("Broken").GetAttribute("data-sync")); // the worst state wins
        Assert.NotNull(cut.Chip("Broken").QuerySelector("[data-testid=sync-mark].cal-sync-failed"));
        Assert.Empty(cut.Chip("Fine").QuerySelectorAll("[data-testid=sync-mark], [data-testid=recurring-mark]"));
        Assert.Equal("Stand-up, Wed, Dec 2 9:00\u202FAM – 9:15\u202FAM, This app, repeats", cut.Chip("Stand-up").GetAttribute("aria-label"));
        Assert.EndsWith(", This app, Sync failed", cut.Chip("Broken").GetAttribute("aria-label"));
    }

    [Fact]
    public async Task ALongTitleIsCutOnScreenButWholeInTheTooltipAndTheLabel()
    {
        await using var ctx = NewContext();
        var title = "Quarterly planning with the whole product team and the people from sales and support";
        var cut = Month(ctx, Data([Timed(title, Local(12, 2, 9, 0), 60)]));

        var chip = cut.Chip(title);
        Assert.Contains("cal-event-text", chip.QuerySelector(".cal-event-title")!.ParentElement!.ClassName); // the ellipsis box
        Assert.StartsWith(title + ",", chip.GetAttribute("aria-label"));
        var tooltip = cut.FindComponents<MudTooltip>().Single(t => t.Instance.Text?.StartsWith(title) == true);
        Assert.Equal($"{title} · Wed, Dec 2 9:00\u202FAM – 10:00\u202FAM", tooltip.Instance.Text);
    }

    [Fact]
    public async Task TheLegendListsTheAppAndConnectedSourcesAndADisconnectedOneOnlyWhileItsEventsAreShown()
    {
        await using var ctx = NewContext();
        var quiet = ctx.Render<SourceLegend>(p => p.Add(x => x.Data, Data([Timed("Mine", Local(12, 2, 9, 0), 60)], sources: Sources())));
        var withOld = ctx.Render<SourceLegend>(p => p.Add(x => x.Data,
            Data([Timed("Old one", Local(12, 2, 9, 0), 60, origin: Old)], sources: Sources())));

        Assert.Equal(["This app SyncDashboard", "Work Google Calendar", "Tasks Notion"], Text.Of(quiet.FindAll("[data-testid=legend-item]")));
        Assert.Equal($"--source:{SourcePalette.Integrations[0]}", quiet.FindAll("[data-testid=legend-item]")[1].GetAttribute("style"));
        Assert.Equal("Old Google Calendar, disconnected", Text.Of(withOld.FindAll("[data-testid=legend-item]")[3]));
    }
}
