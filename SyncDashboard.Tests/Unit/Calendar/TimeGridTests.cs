using SyncDashboard.Core.Events;
using SyncDashboard.Web.Calendar.Layout;
using static SyncDashboard.Tests.Unit.Calendar.LayoutKit;

namespace SyncDashboard.Tests.Unit.Calendar;

/// <summary>The week and day views: days shown, midnight-crossing events, the band's share, today and the now-line.</summary>
public sealed class TimeGridTests
{
    [Theory]
    [InlineData(DayOfWeek.Sunday, "2026-11-29")]
    [InlineData(DayOfWeek.Monday, "2026-11-30")]
    [InlineData(DayOfWeek.Saturday, "2026-11-28")]
    public void TheWeekStartsOnTheUsersFirstDay(DayOfWeek weekStart, string first)
    {
        var week = TimeGridLayouter.Week([], new DateOnly(2026, 12, 2), Context(Berlin, weekStart));
        Assert.Equal(7, week.Days.Count);
        Assert.Equal(DateOnly.Parse(first), week.Days[0].Date);
        Assert.Equal(weekStart, week.Days[0].Date.DayOfWeek);
        Assert.Equal(DateOnly.Parse(first).AddDays(6), week.Days[^1].Date);
    }

    [Fact]
    public void AnAnchorOnTheWeekStartBeginsItsOwnWeek()
    {
        var week = TimeGridLayouter.Week([], new DateOnly(2026, 12, 5), Context(Berlin, DayOfWeek.Saturday));
        Assert.Equal(new DateOnly(2026, 12, 5), week.Days[0].Date);
    }

    [Fact]
    public void TheDayViewShowsOneDay()
    {
        var day = TimeGridLayouter.Day([On(Berlin, new DateOnly(2026, 12, 1), "Standup", "09:00", "09:15")], new DateOnly(2026, 12, 1), Context(Berlin));
        Assert.Equal(new DateOnly(2026, 12, 1), Assert.Single(day.Days).Date);
        Assert.Equal(540, day.Days[0].Item("Standup").TopMinutes);
        Assert.Equal(15, day.Days[0].Item("Standup").DurationMinutes);
    }

    [Fact]
    public void TimesArePlacedInTheViewersZoneNotUtc()
    {
        // 08:00 UTC is 09:00 in Berlin and 03:00 in New York.
        var e = Timed("Call", new DateTimeOffset(2026, 12, 1, 8, 0, 0, TimeSpan.Zero), new DateTimeOffset(2026, 12, 1, 9, 0, 0, TimeSpan.Zero));
        Assert.Equal(540, TimeGridLayouter.Day([e], new DateOnly(2026, 12, 1), Context(Berlin)).Days[0].Item("Call").TopMinutes);
        Assert.Equal(180, TimeGridLayouter.Day([e], new DateOnly(2026, 12, 1), Context(NewYork)).Days[0].Item("Call").TopMinutes);
    }

    [Fact]
    public void AnEventCrossingMidnightAppearsOnBothDaysClippedAndMarked()
    {
        var party = Timed("Party", Local(Berlin, 2026, 12, 1, 22), Local(Berlin, 2026, 12, 2, 2));
        var week = TimeGridLayouter.Week([party], Mon30Nov, Context(Berlin));
        var tue = week.Days[1].Item("Party");
        var wed = week.Days[2].Item("Party");
        Assert.Equal((1320.0, 120.0, false, true), (tue.TopMinutes, tue.DurationMinutes, tue.ContinuesBefore, tue.ContinuesAfter));
        Assert.Equal((0.0, 120.0, true, false), (wed.TopMinutes, wed.DurationMinutes, wed.ContinuesBefore, wed.ContinuesAfter));
        Assert.Equal(2, week.Days.Sum(d => d.Items.Count));
        Assert.Empty(week.Band.Bars);
    }

    [Fact]
    public void AnEventEndingAtMidnightStaysOnItsDay()
    {
        var late = On(Berlin, new DateOnly(2026, 12, 1), "Late", "22:00", "00:00");
        var week = TimeGridLayouter.Week([late], Mon30Nov, Context(Berlin));
        var item = week.Days[1].Item("Late");
        Assert.Equal((1320.0, 120.0, false), (item.TopMinutes, item.DurationMinutes, item.ContinuesAfter));
        Assert.Empty(week.Days[2].Items);
    }

    [Fact]
    public void AnEventOverTwoMidnightsFillsTheMiddleDay()
    {
        var shift = Timed("Shift", Local(Berlin, 2026, 12, 1, 20), Local(Berlin, 2026, 12, 2, 19));
        var week = TimeGridLayouter.Week([shift], Mon30Nov, Context(Berlin));
        Assert.Equal((1200.0, 240.0), (week.Days[1].Item("Shift").TopMinutes, week.Days[1].Item("Shift").DurationMinutes));
        Assert.Equal((0.0, 1140.0), (week.Days[2].Item("Shift").TopMinutes, week.Days[2].Item("Shift").DurationMinutes));
    }

    [Fact]
    public void TimedEventsOfADayOrMoreGoToTheBandNotTheGrid()
    {
        var trip = Timed("Trip", Local(Berlin, 2026, 11, 30, 10), Local(Berlin, 2026, 12, 2, 9));
        var exactlyADay = Timed("Day", Local(Berlin, 2026, 12, 3, 10), Local(Berlin, 2026, 12, 4, 10));
        var justUnder = Timed("Under", Local(Berlin, 2026, 12, 5, 10), Local(Berlin, 2026, 12, 6, 9, 59));
        var week = TimeGridLayouter.Week([trip, exactlyADay, justUnder], Mon30Nov, Context(Berlin));
        Assert.Equal((0, 3), (week.Band.Bar("Trip").StartColumn, week.Band.Bar("Trip").Span));
        Assert.Equal((3, 2), (week.Band.Bar("Day").StartColumn, week.Band.Bar("Day").Span));
        Assert.DoesNotContain(week.Band.Bars, b => b.Event.Title == "Under");
        Assert.Single(week.Days[5].Items("Under"));
        Assert.Single(week.Days[6].Items("Under"));
        Assert.DoesNotContain(week.Days.SelectMany(d => d.Items), i => i.Event.Title is "Trip" or "Day");
    }

    [Fact]
    public void OnlyTodayIsFlaggedAndCarriesTheNowLine()
    {
        var now = Local(Berlin, 2026, 12, 1, 14, 5);
        var week = TimeGridLayouter.Week([], Mon30Nov, Context(Berlin, now: now));
        Assert.Equal([false, true, false, false, false, false, false], week.Days.Select(d => d.IsToday));
        Assert.Equal(845, week.Days[1].NowMinutes);
        Assert.All(week.Days.Where(d => !d.IsToday), d => Assert.Null(d.NowMinutes));
    }

    [Fact]
    public void TodayIsTheViewersDateNotUtcs()
    {
        // 23:30 UTC on Mon 30 Nov is already Tuesday 00:30 in Berlin.
        var now = new DateTimeOffset(2026, 11, 30, 23, 30, 0, TimeSpan.Zero);
        var week = TimeGridLayouter.Week([], Mon30Nov, Context(Berlin, now: now));
        Assert.True(week.Days[1].IsToday);
        Assert.Equal(30, week.Days[1].NowMinutes);
        Assert.True(TimeGridLayouter.Week([], Mon30Nov, Context(Utc, now: now)).Days[0].IsToday);
    }

    [Fact]
    public void AWeekWithoutTodayHasNoNowLine()
    {
        var week = TimeGridLayouter.Week([], Mon30Nov, Context(Berlin, now: Local(Berlin, 2026, 12, 8, 10)));
        Assert.All(week.Days, d => Assert.False(d.IsToday));
        Assert.All(week.Days, d => Assert.Null(d.NowMinutes));
    }

    [Fact]
    public void OccurrencesOfASeriesArePlacedOnTheirOwnDays()
    {
        // A daily 09:00 New York series expanded by the app's own expander, shown to a Berlin viewer (15:00 there).
        var start = new DateTime(2026, 11, 23, 14, 0, 0, DateTimeKind.Utc);
        var occurrences = RecurrenceExpander.Occurrences(start, start.AddMinutes(30), false, "America/New_York", "RRULE:FREQ=DAILY;COUNT=20",
                new DateTime(2026, 11, 29, 0, 0, 0, DateTimeKind.Utc), new DateTime(2026, 12, 8, 0, 0, 0, DateTimeKind.Utc))
            .Select(o => Timed("Daily", new DateTimeOffset(o.Start), new DateTimeOffset(o.End)));
        var week = TimeGridLayouter.Week(occurrences, Mon30Nov, Context(Berlin));
        Assert.All(week.Days, d => Assert.Equal(900, d.Item("Daily").TopMinutes));
    }

    [Fact]
    public void EventsOutsideTheWeekAreLeftOut()
    {
        var before = On(Berlin, new DateOnly(2026, 11, 29), "Before", "09:00", "10:00");
        var after = AllDay("After", new DateOnly(2026, 12, 7), new DateOnly(2026, 12, 8));
        var week = TimeGridLayouter.Week([before, after], Mon30Nov, Context(Berlin));
        Assert.Empty(week.Days.SelectMany(d => d.Items));
        Assert.Empty(week.Band.Bars);
    }
}
