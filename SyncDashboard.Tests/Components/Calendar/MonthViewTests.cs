using Bunit;
using MudBlazor;
using SyncDashboard.Web.Calendar.Layout;
using SyncDashboard.Web.Components.Calendar;
using static SyncDashboard.Tests.Components.Calendar.CalendarKit;

namespace SyncDashboard.Tests.Components.Calendar;

public sealed class MonthViewTests
{
    private static readonly DateOnly December = new(2026, 12, 1);

    private static IRenderedComponent<MonthView> Render(BunitContext ctx, CalendarData data,
        Action<DateOnly>? onShowDay = null, Action<DateTime>? onCreate = null, Action<Guid>? onOpen = null)
    {
        ctx.Render<MudPopoverProvider>();
        return ctx.Render<MonthView>(p => p
            .Add(x => x.Data, data)
            .Add(x => x.Anchor, December)
            .Add(x => x.OnShowDay, onShowDay ?? (_ => { }))
            .Add(x => x.OnCreate, onCreate ?? (_ => { }))
            .Add(x => x.OnOpen, (SyncDashboard.Web.Calendar.Layout.LayoutEvent e) => onOpen?.Invoke(e.EventId)));
    }

    [Fact]
    public async Task ADayWithMoreEventsThanLanesShowsTheFirstAndCountsTheRestAsMoreWhichOpensTheDay()
    {
        await using var ctx = NewContext();
        var shown = new List<DateOnly>();
        var busy = Enumerable.Range(0, 5).Select(i => Timed($"Call {i + 1}", Local(12, 8, 9 + i, 0), 30)).ToList();
        var cut = Render(ctx, Data(busy), onShowDay: shown.Add);

        var chips = cut.FindAll("[data-testid=calendar-event]");
        Assert.Equal(["Call 1", "Call 2", "Call 3"], chips.Titles());
        Assert.Equal(["grid-column:3;grid-row:2", "grid-column:3;grid-row:3", "grid-column:3;grid-row:4"],
            chips.Select(c => string.Join(';', c.PositionStyle().Split(';')[1..])));
        var more = Assert.Single(cut.FindAll("[data-testid=more]"));
        Assert.Equal("+2 more", more.TextContent);
        Assert.Equal("2 more on Tuesday, December 8, 2026", more.GetAttribute("aria-label"));

        await more.ClickAsync(new());

        Assert.Equal([new DateOnly(2026, 12, 8)], shown);
    }

    [Fact]
    public async Task AMultiDayEventIsOneBarAcrossItsDaysAndSplitsAtTheEndOfTheWeek()
    {
        await using var ctx = NewContext();
        // Thu 3 – Mon 7 December: Thu, Fri, Sat in the first row, Sun and Mon in the next (en-US weeks start on Sunday).
        var cut = Render(ctx, Data([AllDay("Trip", new DateOnly(2026, 12, 3), new DateOnly(2026, 12, 8))]));

        var bars = cut.Chips("Trip");
        Assert.Equal(2, bars.Count);
        Assert.Contains("grid-column:5 / span 3;grid-row:2", bars[0].PositionStyle());
        Assert.Contains("cal-event-continues-after", bars[0].ClassName);
        Assert.Contains("grid-column:1 / span 2;grid-row:2", bars[1].PositionStyle());
        Assert.Contains("cal-event-continues-before", bars[1].ClassName);
    }

    [Fact]
    public async Task TheGridIsWholeWeeksFromTheWeekStartWithTodayMarkedAndOtherMonthsDaysSetApart()
    {
        await using var ctx = NewContext();
        var cut = Render(ctx, Data([], Local(12, 16, 10, 0)));

        var days = cut.FindAll("[data-testid=month-day]");
        Assert.Equal(35, days.Count);
        Assert.Equal("2026-11-29", days[0].GetAttribute("data-date"));
        Assert.Equal(["SUN", "MON"], cut.FindAll(".cal-weekday").Take(2).Select(e => e.TextContent.ToUpperInvariant()));
        var today = Assert.Single(days, d => d.ClassList.Contains("cal-today"));
        Assert.Equal("2026-12-16", today.GetAttribute("data-date"));
        Assert.Equal("16", Assert.Single(cut.FindAll("[aria-current=date]")).TextContent);
        Assert.Equal(["2026-11-29", "2026-11-30", "2027-01-01", "2027-01-02"],
            days.Where(d => d.ClassList.Contains("cal-outside")).Select(d => d.GetAttribute("data-date")));
        // A month's first day names its month, so the spill-over days read right.
        Assert.Equal(["29", "30", "Dec 1", "2"], cut.FindAll(".cal-month-date").Take(4).Select(e => e.TextContent));
        Assert.Equal("Jan 1", cut.FindAll(".cal-month-date")[33].TextContent);
    }

    [Fact]
    public async Task ClickingADaysFreeSpaceStartsAnEventThatMorningAndAnEventOpensIt()
    {
        await using var ctx = NewContext();
        var created = new List<DateTime>();
        var opened = new List<Guid>();
        var dentist = Timed("Dentist", Local(12, 10, 15, 0), 45);
        var cut = Render(ctx, Data([dentist]), onCreate: created.Add, onOpen: opened.Add);

        await cut.Find("[data-testid=month-day][data-date='2026-12-10']").ClickAsync(new());
        await cut.Chip("Dentist").ClickAsync(new());

        Assert.Equal([new DateTime(2026, 12, 10, 9, 0, 0)], created);
        Assert.Equal([dentist.Id], opened);
        Assert.Equal("3:00\u202FPM", cut.Chip("Dentist").QuerySelector(".cal-event-time")!.TextContent);
    }

    [Fact]
    public async Task FewerLanesMeanMoreIsCountedSooner()
    {
        await using var ctx = NewContext();
        var events = Enumerable.Range(0, 3).Select(i => Timed($"Call {i + 1}", Local(12, 8, 9 + i, 0), 30));
        var cut = Render(ctx, Data(events, options: new LayoutOptions { MonthMaxLanes = 1 }));

        Assert.Equal(["Call 1"], cut.FindAll("[data-testid=calendar-event]").Titles());
        Assert.Equal("+2 more", cut.Find("[data-testid=more]").TextContent);
    }
}
