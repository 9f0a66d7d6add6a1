using SyncDashboard.Web.Calendar.Layout;
using static SyncDashboard.Tests.Unit.Calendar.LayoutKit;

namespace SyncDashboard.Tests.Unit.Calendar;

/// <summary>The month grid: whole weeks from the week start, bars across week rows, single-day items and "+N more".</summary>
public sealed class MonthLayoutTests
{
    private static MonthLayout Month(int year, int month, DayOfWeek weekStart, params LayoutEvent[] events) =>
        MonthLayouter.Build(events, new DateOnly(year, month, 15), Context(Berlin, weekStart));

    private static MonthDay Cell(MonthLayout m, DateOnly date) => m.Weeks.SelectMany(w => w.Days).Single(d => d.Date == date);

    [Theory]
    // A month starting on the week start: March 2026 (Sunday 1st) for Sunday weeks, June 2026 (Monday 1st) for Monday ones.
    [InlineData(2026, 3, DayOfWeek.Sunday, "2026-03-01", 5)]
    [InlineData(2026, 6, DayOfWeek.Monday, "2026-06-01", 5)]
    // A month starting on the week's last day needs six rows: August 2026 (Saturday 1st), March 2026 (Sunday 1st).
    [InlineData(2026, 8, DayOfWeek.Sunday, "2026-07-26", 6)]
    [InlineData(2026, 3, DayOfWeek.Monday, "2026-02-23", 6)]
    [InlineData(2026, 8, DayOfWeek.Saturday, "2026-08-01", 5)]
    // February 2026 starts on a Sunday and fills exactly four weeks; the grid still shows five.
    [InlineData(2026, 2, DayOfWeek.Sunday, "2026-02-01", 5)]
    // December 2026 from Monday 30 November.
    [InlineData(2026, 12, DayOfWeek.Monday, "2026-11-30", 5)]
    public void TheGridIsWholeWeeksFromTheWeekStart(int year, int month, DayOfWeek weekStart, string first, int weeks)
    {
        var m = Month(year, month, weekStart);
        Assert.Equal(new DateOnly(year, month, 1), m.Month);
        Assert.Equal(weeks, m.Weeks.Count);
        Assert.All(m.Weeks, w => Assert.Equal(7, w.Days.Count));
        var days = m.Weeks.SelectMany(w => w.Days).Select(d => d.Date).ToList();
        Assert.Equal(DateOnly.Parse(first), days[0]);
        Assert.Equal(weekStart, days[0].DayOfWeek);
        Assert.Equal(Enumerable.Range(0, days.Count).Select(i => days[0].AddDays(i)), days);
        Assert.Contains(new DateOnly(year, month, DateTime.DaysInMonth(year, month)), days);
    }

    [Fact]
    public void DaysOutsideTheMonthAreFlagged()
    {
        var m = Month(2026, 12, DayOfWeek.Monday);
        Assert.False(Cell(m, new DateOnly(2026, 11, 30)).InMonth);
        Assert.True(Cell(m, new DateOnly(2026, 12, 1)).InMonth);
        Assert.True(Cell(m, new DateOnly(2026, 12, 31)).InMonth);
        Assert.False(Cell(m, new DateOnly(2027, 1, 3)).InMonth);
        Assert.Equal(31, m.Weeks.SelectMany(w => w.Days).Count(d => d.InMonth));
    }

    [Fact]
    public void TodayIsFlagged()
    {
        var m = MonthLayouter.Build([], new DateOnly(2026, 12, 1), Context(Berlin, now: Local(Berlin, 2026, 12, 9, 8)));
        Assert.Equal([new DateOnly(2026, 12, 9)], m.Weeks.SelectMany(w => w.Days).Where(d => d.IsToday).Select(d => d.Date));
    }

    [Fact]
    public void AMultiDayEventIsABarInEachWeekRowItCrosses()
    {
        var m = Month(2026, 12, DayOfWeek.Monday, AllDay("Trip", new DateOnly(2026, 12, 4), new DateOnly(2026, 12, 9)));
        var first = m.Weeks[0].Bars.Single();
        var second = m.Weeks[1].Bars.Single();
        Assert.Equal((4, 3, false, true), (first.StartColumn, first.Span, first.ContinuesBefore, first.ContinuesAfter));
        Assert.Equal((0, 2, true, false), (second.StartColumn, second.Span, second.ContinuesBefore, second.ContinuesAfter));
        Assert.Empty(m.Weeks[2].Bars);
        Assert.DoesNotContain(m.Weeks.SelectMany(w => w.Days).SelectMany(d => d.Items), i => i.Event.Title == "Trip");
    }

    [Fact]
    public void ATimedEventCrossingMidnightIsABarAcrossItsTwoDays()
    {
        var m = Month(2026, 12, DayOfWeek.Monday, Timed("Party", Local(Berlin, 2026, 12, 5, 22), Local(Berlin, 2026, 12, 6, 2)));
        var bar = m.Weeks[0].Bars.Single();
        Assert.Equal((5, 2), (bar.StartColumn, bar.Span));
    }

    [Fact]
    public void SingleDayItemsListAllDayFirstThenByStart()
    {
        var day = new DateOnly(2026, 12, 2);
        var m = MonthLayouter.Build([
                On(Berlin, day, "Lunch", "12:00", "13:00"),
                On(Berlin, day, "Standup", "09:00", "09:15"),
                AllDay("Birthday", day, day.AddDays(1)),
            ], day, Context(Berlin, options: new LayoutOptions { MonthMaxLanes = 5 }));
        var cell = Cell(m, day);
        Assert.Equal(["Birthday", "Standup", "Lunch"], cell.Items.Select(i => i.Event.Title));
        Assert.Equal([0, 1, 2], cell.Items.Select(i => i.Lane));
        Assert.Equal(0, cell.MoreCount);
    }

    [Fact]
    public void BeyondTheMaxLanesADayCountsTheRestAsMore()
    {
        var day = new DateOnly(2026, 12, 2);
        var events = Enumerable.Range(8, 5).Select(h => On(Berlin, day, $"E{h}", $"{h:00}:00", $"{h:00}:30")).ToArray();
        var cell = Cell(MonthLayouter.Build(events, day, Context(Berlin, options: new LayoutOptions { MonthMaxLanes = 3 })), day);
        Assert.Equal(["E8", "E9", "E10"], cell.Items.Select(i => i.Event.Title));
        Assert.Equal(2, cell.MoreCount);
        Assert.Equal(["E11", "E12"], cell.Hidden.Select(e => e.Title));
    }

    [Fact]
    public void SingleDayItemsTakeTheLanesTheBarsLeaveFree()
    {
        var wed = new DateOnly(2026, 12, 2);
        var m = MonthLayouter.Build([
                AllDay("Trip", new DateOnly(2026, 12, 1), new DateOnly(2026, 12, 4)),
                On(Berlin, wed, "A", "09:00", "10:00"),
                On(Berlin, wed, "B", "10:00", "11:00"),
                On(Berlin, wed, "C", "11:00", "12:00"),
            ], wed, Context(Berlin, options: new LayoutOptions { MonthMaxLanes = 3 }));
        Assert.Equal(0, m.Weeks[0].Bars.Single().Lane);
        var cell = Cell(m, wed);
        Assert.Equal([("A", 1), ("B", 2)], cell.Items.Select(i => (i.Event.Title, i.Lane)));
        Assert.Equal(["C"], cell.Hidden.Select(e => e.Title));
    }

    [Fact]
    public void ABarPastTheMaxLanesIsHiddenAndCountedOnEachDayItCovers()
    {
        var m = MonthLayouter.Build([
                AllDay("One", new DateOnly(2026, 12, 1), new DateOnly(2026, 12, 4)),
                AllDay("Two", new DateOnly(2026, 12, 1), new DateOnly(2026, 12, 3)),
            ], new DateOnly(2026, 12, 1), Context(Berlin, options: new LayoutOptions { MonthMaxLanes = 1 }));
        Assert.Equal(["One"], m.Weeks[0].Bars.Select(b => b.Event.Title));
        Assert.Equal(1, Cell(m, new DateOnly(2026, 12, 1)).MoreCount);
        Assert.Equal(1, Cell(m, new DateOnly(2026, 12, 2)).MoreCount);
        Assert.Equal(0, Cell(m, new DateOnly(2026, 12, 3)).MoreCount);
    }

    [Fact]
    public void EventsAreFoundOnSpillOverDaysToo()
    {
        var m = Month(2026, 12, DayOfWeek.Monday, On(Berlin, new DateOnly(2027, 1, 2), "New year party", "20:00", "23:00"));
        Assert.Single(Cell(m, new DateOnly(2027, 1, 2)).Items);
    }
}
