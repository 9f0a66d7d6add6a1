using Bunit;
using MudBlazor;
using SyncDashboard.Web.Calendar.Layout;
using DateRange = SyncDashboard.Web.Calendar.Layout.DateRange;
using SyncDashboard.Web.Components.Calendar;
using static SyncDashboard.Tests.Components.Calendar.CalendarKit;

namespace SyncDashboard.Tests.Components.Calendar;

public sealed class TimeGridViewTests
{
    private static readonly DateRange Week = new(Sun29Nov, Sun29Nov.AddDays(6));

    private static IRenderedComponent<TimeGridView> Render(BunitContext ctx, CalendarData data, DateRange? range = null,
        Action<DateTime>? onCreate = null, Action<DateOnly>? onShowDay = null)
    {
        ctx.Render<MudPopoverProvider>();
        return ctx.Render<TimeGridView>(p => p
            .Add(x => x.Data, data)
            .Add(x => x.Range, range ?? Week)
            .Add(x => x.OnCreate, onCreate ?? (_ => { }))
            .Add(x => x.OnShowDay, onShowDay ?? (_ => { })));
    }

    [Fact]
    public async Task OverlappingEventsSitSideBySideAndALaterOneTakesTheWholeColumn()
    {
        await using var ctx = NewContext();
        var cut = Render(ctx, Data([
            Timed("Planning", Local(12, 1, 9, 0), 60),
            Timed("Interview", Local(12, 1, 9, 30), 60),
            Timed("Lunch", Local(12, 1, 12, 0), 60),
        ]));
        var planning = cut.Chip("Planning");
        var interview = cut.Chip("Interview");
        var lunch = cut.Chip("Lunch");
        Assert.Equal(("0", "2", "1"), (planning.GetAttribute("data-column"), planning.GetAttribute("data-columns"), planning.GetAttribute("data-span")));
        Assert.Equal(("1", "2", "1"), (interview.GetAttribute("data-column"), interview.GetAttribute("data-columns"), interview.GetAttribute("data-span")));
        Assert.Equal(("0", "1", "1"), (lunch.GetAttribute("data-column"), lunch.GetAttribute("data-columns"), lunch.GetAttribute("data-span")));
        // 48 px an hour: 09:00 is 432 px down; two columns share the day's width.
        Assert.Contains("top:432px;height:48px;left:0%;width:50%", planning.PositionStyle());
        Assert.Contains("top:456px;height:48px;left:50%;width:50%", interview.PositionStyle());
        Assert.Contains("top:576px;height:48px;left:0%;width:100%", lunch.PositionStyle());
        // All three are in Tuesday's column.
        var tuesday = cut.Find("[data-testid=day-column][data-date='2026-12-01']");
        Assert.Equal(3, tuesday.QuerySelectorAll("[data-testid=calendar-event]").Length);
    }

    [Fact]
    public async Task AShortEventIsDrawnAtTheMinimumHeightSoItStaysClickable()
    {
        await using var ctx = NewContext();
        var cut = Render(ctx, Data([Timed("Reminder", Local(12, 2, 8, 0), 0), Timed("Planning", Local(12, 2, 9, 0), 60)]));

        var reminder = cut.Chip("Reminder");
        Assert.Contains("top:384px;height:12px", reminder.PositionStyle());
        // Too short for two lines: one line with the start time only; an hour has room for its range.
        Assert.Contains("cal-event-compact", reminder.ClassName);
        Assert.Equal("8:00\u202FAM", reminder.QuerySelector(".cal-event-time")!.TextContent);
        Assert.DoesNotContain("cal-event-compact", cut.Chip("Planning").ClassName);
        Assert.Equal("9:00\u202FAM – 10:00\u202FAM", cut.Chip("Planning").QuerySelector(".cal-event-time")!.TextContent);
    }

    [Fact]
    public async Task AllDayAndMultiDayEventsGoInTheBandOverTheirDaysNotInTheColumns()
    {
        await using var ctx = NewContext();
        var cut = Render(ctx, Data([
            AllDay("Offsite", new DateOnly(2026, 12, 1), new DateOnly(2026, 12, 3)),
            Timed("Conference", Local(12, 3, 9, 0), 26 * 60),
            Timed("Planning", Local(12, 1, 9, 0), 60),
        ]));

        var band = cut.Find("[data-testid=all-day-band]");
        Assert.Equal(["Offsite", "Conference"], band.QuerySelectorAll("[data-testid=calendar-event]").Titles());
        var offsite = band.QuerySelectorAll("[data-testid=calendar-event]")[0];
        Assert.Contains("grid-column:3 / span 2;grid-row:1", offsite.ParentElement!.GetAttribute("style")); // Tue and Wed
        var conference = band.QuerySelectorAll("[data-testid=calendar-event]")[1];
        Assert.Contains("grid-column:5 / span 2;grid-row:1", conference.ParentElement!.GetAttribute("style")); // Thu into Fri
        Assert.Equal(["Planning"], cut.FindAll("[data-testid=day-column] [data-testid=calendar-event]").Titles());
    }

    [Fact]
    public async Task TodayIsMarkedAndOnlyTodayHasTheNowLineAtTheCurrentTime()
    {
        await using var ctx = NewContext();
        var now = Local(12, 2, 14, 30);
        var cut = Render(ctx, Data([], now));

        var today = Assert.Single(cut.FindAll("[data-testid=day-head].cal-today"));
        Assert.Equal("2026-12-02", today.GetAttribute("data-date"));
        Assert.Equal("date", today.QuerySelector("button")!.GetAttribute("aria-current"));
        Assert.Single(cut.FindAll("[aria-current]"));
        var line = Assert.Single(cut.FindAll("[data-testid=now-line]"));
        Assert.Equal("2026-12-02", line.ParentElement!.GetAttribute("data-date"));
        Assert.Contains("top:696px", line.GetAttribute("style")); // 14:30 = 870 minutes
    }

    [Fact]
    public async Task AWeekWithoutTodayHasNoNowLineAndNothingMarkedToday()
    {
        await using var ctx = NewContext();
        var cut = Render(ctx, Data([], Local(12, 9, 14, 30)));

        Assert.Empty(cut.FindAll("[data-testid=now-line]"));
        Assert.Empty(cut.FindAll(".cal-today"));
    }

    [Fact]
    public async Task ClickingFreeTimeStartsAnEventInThatQuarterHour()
    {
        await using var ctx = NewContext();
        var created = new List<DateTime>();
        var cut = Render(ctx, Data([]), onCreate: created.Add);

        // 10:20 is 496 px down; the slot is 10:15.
        await cut.Find("[data-testid=day-column][data-date='2026-12-03'] [data-testid=slots]").ClickAsync(new() { OffsetY = 10 * 48 + 16 });

        Assert.Equal([new DateTime(2026, 12, 3, 10, 15, 0)], created);
    }

    [Fact]
    public async Task TheWeekStartsOnTheDayThePreferencesSay()
    {
        await using var ctx = NewContext();
        var us = Data([], culture: "en-US");
        var gb = Data([], culture: "en-GB");

        var usWeek = Render(ctx, us, CalendarNavigation.Visible(CalendarViewKind.Week, new DateOnly(2026, 12, 2), us.Context.WeekStart));
        var gbWeek = ctx.Render<TimeGridView>(p => p.Add(x => x.Data, gb)
            .Add(x => x.Range, CalendarNavigation.Visible(CalendarViewKind.Week, new DateOnly(2026, 12, 2), gb.Context.WeekStart)));

        Assert.Equal("2026-11-29", usWeek.FindAll("[data-testid=day-head]")[0].GetAttribute("data-date")); // Sunday
        Assert.Equal(["Sun", "Mon"], usWeek.FindAll(".cal-day-head-weekday").Take(2).Select(e => e.TextContent));
        Assert.Equal("2026-11-30", gbWeek.FindAll("[data-testid=day-head]")[0].GetAttribute("data-date")); // Monday
    }

    [Fact]
    public async Task ClickingADaysHeaderOpensThatDay()
    {
        await using var ctx = NewContext();
        var shown = new List<DateOnly>();
        var cut = Render(ctx, Data([]), onShowDay: shown.Add);

        await cut.Find("[data-testid=day-head][data-date='2026-12-04'] button").ClickAsync(new());

        Assert.Equal([new DateOnly(2026, 12, 4)], shown);
    }

    [Fact]
    public async Task TheDayViewIsOneColumnWithTheHoursOfTheCulturesClock()
    {
        await using var ctx = NewContext();
        var day = new DateOnly(2026, 12, 2);
        var cut = Render(ctx, Data([Timed("Planning", Local(12, 2, 9, 0), 60)]), new DateRange(day, day));

        Assert.NotNull(cut.Find("[data-testid=day-view]"));
        Assert.Single(cut.FindAll("[data-testid=day-column]"));
        Assert.Equal(23, cut.FindAll(".cal-hour").Count);
        Assert.Equal("1\u202FAM", cut.FindAll(".cal-hour")[0].TextContent);
    }

    [Fact]
    public async Task ADaylightSavingChangeIsMarkedWhereTheClocksJump()
    {
        await using var ctx = NewContext();
        var day = new DateOnly(2026, 3, 29); // Berlin springs forward at 02:00
        var cut = Render(ctx, Data([]), new DateRange(day, day));

        var mark = cut.Find("[data-testid=clock-change]");
        Assert.Contains("top:96px", mark.GetAttribute("style"));
        Assert.Equal("The clocks go forward here", mark.GetAttribute("title"));
    }
}
