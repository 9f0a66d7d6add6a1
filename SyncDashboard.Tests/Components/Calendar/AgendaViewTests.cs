using Bunit;
using MudBlazor;
using SyncDashboard.Web.Components.Calendar;
using static SyncDashboard.Tests.Components.Calendar.CalendarKit;

namespace SyncDashboard.Tests.Components.Calendar;

public sealed class AgendaViewTests
{
    private static readonly DateOnly Tue1Dec = new(2026, 12, 1);

    private static IRenderedComponent<AgendaView> Render(BunitContext ctx, CalendarData data, Action<Guid>? onOpen = null)
    {
        ctx.Render<MudPopoverProvider>();
        return ctx.Render<AgendaView>(p => p.Add(x => x.Data, data).Add(x => x.Anchor, Tue1Dec).Add(x => x.OnOpen, (SyncDashboard.Web.Calendar.Layout.LayoutEvent e) => onOpen?.Invoke(e.EventId)));
    }

    /// <summary>Each row as "time | title".</summary>
    private static IReadOnlyList<string> Rows(AngleSharp.Dom.IElement day) =>
        day.QuerySelectorAll("[data-testid=calendar-event]")
            .Select(e => $"{e.QuerySelector(".cal-event-time")!.TextContent} | {e.QuerySelector(".cal-event-title")!.TextContent}").ToList();

    [Fact]
    public async Task DaysWithEventsAreListedInOrderWithEachEventsTimeOnThatDay()
    {
        await using var ctx = NewContext();
        var cut = Render(ctx, Data([
            Timed("Review", Local(12, 2, 14, 0), 60),
            AllDay("Offsite", new DateOnly(2026, 12, 2), new DateOnly(2026, 12, 5)),
            Timed("Night shift", Local(12, 3, 22, 0), 6 * 60),
        ]));

        var days = cut.FindAll("[data-testid=agenda-day]");
        Assert.Equal(["2026-12-02", "2026-12-03", "2026-12-04"], days.Select(d => d.GetAttribute("data-date")));
        Assert.Equal("Wed, Dec 2", Text.Of(days[0].QuerySelector("h3")!));
        Assert.Equal(["All day · day 1 of 3 | Offsite", "2:00\u202FPM – 3:00\u202FPM | Review"], Rows(days[0]));
        Assert.Equal(["All day · day 2 of 3 | Offsite", "from 10:00\u202FPM · day 1 of 2 | Night shift"], Rows(days[1]));
        Assert.Equal(["All day · day 3 of 3 | Offsite", "until 4:00\u202FAM · day 2 of 2 | Night shift"], Rows(days[2]));
    }

    [Fact]
    public async Task TodayIsAlwaysListedAndMarkedEvenWhenItIsFree()
    {
        await using var ctx = NewContext();
        var cut = Render(ctx, Data([Timed("Review", Local(12, 4, 14, 0), 60)], now: Local(12, 2, 8, 0)));

        var today = cut.Find("[data-testid=agenda-day].cal-today");
        Assert.Equal("2026-12-02", today.GetAttribute("data-date"));
        Assert.Equal("Wed, Dec 2 Today", Text.Of(today.QuerySelector("h3")!));
        Assert.Equal("Nothing planned.", Text.Of(today.QuerySelector("p")!));
        Assert.Equal(["2026-12-02", "2026-12-04"], cut.FindAll("[data-testid=agenda-day]").Select(d => d.GetAttribute("data-date")));
    }

    [Fact]
    public async Task TwoEmptyWeeksSaySo()
    {
        await using var ctx = NewContext();
        var cut = Render(ctx, Data([], now: Local(12, 1, 8, 0)));

        Assert.Equal("Nothing planned from Dec 1 to Dec 14.", Text.Of(cut.Find("[data-testid=agenda-empty]")));
        Assert.Empty(cut.FindAll("[data-testid=agenda-day]")); // not a free today above it as well
    }

    [Fact]
    public async Task AnEventOpensWithEnterOrAClickBecauseItIsAButton()
    {
        await using var ctx = NewContext();
        var opened = new List<Guid>();
        var review = Timed("Review", Local(12, 2, 14, 0), 60);
        var cut = Render(ctx, Data([review]), opened.Add);

        var chip = cut.Chip("Review");
        Assert.Equal("button", chip.TagName.ToLowerInvariant());
        await chip.ClickAsync(new());

        Assert.Equal([review.Id], opened);
    }
}
