using SyncDashboard.Web.Calendar.Layout;
using static SyncDashboard.Tests.Unit.Calendar.LayoutKit;

namespace SyncDashboard.Tests.Unit.Calendar;

public sealed class CalendarNavigationTests
{
    [Theory]
    [InlineData(CalendarViewKind.Day, "2026-12-02", "2026-12-01", "2026-12-03")]
    [InlineData(CalendarViewKind.Week, "2026-12-02", "2026-11-25", "2026-12-09")]
    [InlineData(CalendarViewKind.Agenda, "2026-12-02", "2026-11-18", "2026-12-16")]
    [InlineData(CalendarViewKind.Month, "2026-12-02", "2026-11-01", "2027-01-01")]
    // A month steps to the 1st, so the 31st does not turn into a clamped 28 February and drift.
    [InlineData(CalendarViewKind.Month, "2026-03-31", "2026-02-01", "2026-04-01")]
    [InlineData(CalendarViewKind.Month, "2026-01-31", "2025-12-01", "2026-02-01")]
    public void PreviousAndNextStepByTheViewsSpan(CalendarViewKind view, string anchor, string previous, string next)
    {
        Assert.Equal(DateOnly.Parse(previous), CalendarNavigation.Previous(view, DateOnly.Parse(anchor)));
        Assert.Equal(DateOnly.Parse(next), CalendarNavigation.Next(view, DateOnly.Parse(anchor)));
    }

    [Fact]
    public void TheAgendaStepsByItsOwnLength() =>
        Assert.Equal(new DateOnly(2026, 12, 9), CalendarNavigation.Next(CalendarViewKind.Agenda, new DateOnly(2026, 12, 2), agendaDays: 7));

    [Fact]
    public void TodayIsTheViewersLocalDateFromTheInjectedClock()
    {
        var now = new DateTimeOffset(2026, 12, 1, 10, 30, 0, TimeSpan.Zero);
        Assert.Equal(new DateOnly(2026, 12, 2), CalendarNavigation.Today(Context(Kiritimati, now: now)));
        Assert.Equal(new DateOnly(2026, 12, 1), CalendarNavigation.Today(Context(LosAngeles, now: now)));
    }

    [Theory]
    [InlineData(CalendarViewKind.Week, DayOfWeek.Monday, "2026-11-30", "2026-12-06")]
    [InlineData(CalendarViewKind.Week, DayOfWeek.Sunday, "2026-11-29", "2026-12-05")]
    [InlineData(CalendarViewKind.Day, DayOfWeek.Monday, "2026-12-02", "2026-12-02")]
    [InlineData(CalendarViewKind.Agenda, DayOfWeek.Monday, "2026-12-02", "2026-12-15")]
    // The month's title is the month itself, not the grid's spill-over days.
    [InlineData(CalendarViewKind.Month, DayOfWeek.Monday, "2026-12-01", "2026-12-31")]
    public void TheTitleRangeIsWhatTheViewNames(CalendarViewKind view, DayOfWeek weekStart, string first, string last) =>
        Assert.Equal(new DateRange(DateOnly.Parse(first), DateOnly.Parse(last)),
            CalendarNavigation.Title(view, new DateOnly(2026, 12, 2), weekStart));

    [Fact]
    public void TheQueryWindowCoversEveryShownDayAndAllDayDatesInAnyZone()
    {
        var range = CalendarNavigation.Visible(CalendarViewKind.Week, new DateOnly(2026, 12, 2), DayOfWeek.Monday);
        foreach (var zone in new[] { Kiritimati, LosAngeles, Berlin })
        {
            var (from, to) = range.QueryWindow(zone);
            // The first local midnight and the last day's end, and both UTC-midnight ends of all-day dates shown.
            Assert.True(from <= Local(zone, 2026, 11, 30, 0) && to >= Local(zone, 2026, 12, 7, 0));
            Assert.True(from <= new DateTimeOffset(2026, 11, 30, 0, 0, 0, TimeSpan.Zero));
            Assert.True(to >= new DateTimeOffset(2026, 12, 7, 0, 0, 0, TimeSpan.Zero));
        }
    }

    [Fact]
    public void ADateRangeListsItsDates()
    {
        var range = new DateRange(new DateOnly(2026, 12, 30), new DateOnly(2027, 1, 2));
        Assert.Equal(4, range.DayCount);
        Assert.Equal([new(2026, 12, 30), new(2026, 12, 31), new(2027, 1, 1), new DateOnly(2027, 1, 2)], range.Dates);
        Assert.True(range.Contains(new DateOnly(2027, 1, 1)));
        Assert.False(range.Contains(new DateOnly(2027, 1, 3)));
    }
}
