using SyncDashboard.Web.Calendar.Layout;
using static SyncDashboard.Tests.Unit.Calendar.LayoutKit;

namespace SyncDashboard.Tests.Unit.Calendar;

/// <summary>
/// Days of 23 and 25 hours. The grid stays 24 wall-clock hours tall (so every column shares its hour labels) and items
/// sit at their local clock reading; the day reports its real length and where the clocks change.
/// </summary>
public sealed class DaylightSavingTests
{
    public static TheoryData<string, DateOnly, double, double, double> Changes => new()
    {
        // zone, date, length, clock change at (wall minute), shift
        { "America/New_York", new DateOnly(2026, 3, 8), 1380, 120, 60 },
        { "America/New_York", new DateOnly(2026, 11, 1), 1500, 120, -60 },
        { "Europe/Berlin", new DateOnly(2026, 3, 29), 1380, 120, 60 },
        { "Europe/Berlin", new DateOnly(2026, 10, 25), 1500, 180, -60 },
    };

    [Theory]
    [MemberData(nameof(Changes))]
    public void ADstDayReportsItsLengthAndWhereTheClocksChange(string zoneId, DateOnly date, double length, double at, double shift)
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById(zoneId);
        var day = TimeGridLayouter.Day([], date, Context(zone)).Days.Single();
        Assert.Equal(length, day.LengthMinutes);
        Assert.Equal(new ClockChange(at, shift), day.ClockChange);
    }

    [Theory]
    [InlineData("America/New_York", "2026-03-07")]
    [InlineData("America/New_York", "2026-03-09")]
    [InlineData("Europe/Berlin", "2026-10-24")]
    [InlineData("Europe/Berlin", "2026-10-26")]
    public void AnOrdinaryDayIs1440MinutesWithNoClockChange(string zoneId, string date)
    {
        var day = TimeGridLayouter.Day([], DateOnly.Parse(date), Context(TimeZoneInfo.FindSystemTimeZoneById(zoneId))).Days.Single();
        Assert.Equal(1440, day.LengthMinutes);
        Assert.Null(day.ClockChange);
    }

    [Theory]
    [MemberData(nameof(Changes))]
    public void ItemsSitAtTheirWallClockTimeOnADstDay(string zoneId, DateOnly date, double length, double at, double shift)
    {
        _ = (length, at, shift);
        var zone = TimeZoneInfo.FindSystemTimeZoneById(zoneId);
        var morning = On(zone, date, "Morning", "09:00", "10:00");
        var evening = On(zone, date, "Evening", "21:30", "22:00");
        var day = TimeGridLayouter.Day([morning, evening], date, Context(zone)).Days.Single();
        Assert.Equal((540.0, 60.0), (day.Item("Morning").TopMinutes, day.Item("Morning").DurationMinutes));
        Assert.Equal((1290.0, 30.0), (day.Item("Evening").TopMinutes, day.Item("Evening").DurationMinutes));
    }

    [Fact]
    public void AnEventOverTheSpringForwardGapSpansItsWallClockHours()
    {
        // 01:30–03:30 on 8 March in New York lasts one real hour (02:00–03:00 does not exist) and is drawn 01:30–03:30.
        var date = new DateOnly(2026, 3, 8);
        var e = Timed("Over the gap", Local(NewYork, 2026, 3, 8, 1, 30), Local(NewYork, 2026, 3, 8, 3, 30));
        Assert.Equal(TimeSpan.FromHours(1), e.Duration);
        var item = TimeGridLayouter.Day([e], date, Context(NewYork)).Days.Single().Item("Over the gap");
        Assert.Equal((90.0, 120.0), (item.TopMinutes, item.DurationMinutes));
    }

    [Fact]
    public void TheTwoOneThirtiesOfAFallBackNightSitSideBySide()
    {
        // 01:30 EDT (05:30 UTC) and 01:30 EST (06:30 UTC) are an hour apart but read the same on the clock.
        var first = Timed("First", new DateTimeOffset(2026, 11, 1, 5, 30, 0, TimeSpan.Zero), new DateTimeOffset(2026, 11, 1, 6, 0, 0, TimeSpan.Zero));
        var second = Timed("Second", new DateTimeOffset(2026, 11, 1, 6, 30, 0, TimeSpan.Zero), new DateTimeOffset(2026, 11, 1, 7, 0, 0, TimeSpan.Zero));
        var day = TimeGridLayouter.Day([first, second], new DateOnly(2026, 11, 1), Context(NewYork)).Days.Single();
        // First ends at the change itself (02:00 EDT, shown as 01:00 EST): it still ends at 02:00 on the grid.
        Assert.Equal((90.0, 30.0), (day.Item("First").TopMinutes, day.Item("First").DurationMinutes));
        Assert.Equal((90.0, 30.0), (day.Item("Second").TopMinutes, day.Item("Second").DurationMinutes));
        Assert.Equal((0, 2, 1), day.Item("First").Place());
        Assert.Equal((1, 2, 1), day.Item("Second").Place());
    }

    [Fact]
    public void AnEventEndingInTheRepeatedHourBeforeItStartedOnTheClockStillGetsAPlace()
    {
        // 01:50 EDT to 01:10 EST: twenty real minutes whose clock reading goes backwards.
        var e = Timed("Odd", new DateTimeOffset(2026, 11, 1, 5, 50, 0, TimeSpan.Zero), new DateTimeOffset(2026, 11, 1, 6, 10, 0, TimeSpan.Zero));
        var item = TimeGridLayouter.Day([e], new DateOnly(2026, 11, 1), Context(NewYork)).Days.Single().Item("Odd");
        Assert.Equal((110.0, 0.0), (item.TopMinutes, item.DurationMinutes));
    }

    [Fact]
    public void TheNowLineFollowsTheClockOnADstDay()
    {
        var now = Local(Berlin, 2026, 3, 29, 3, 30);
        var day = TimeGridLayouter.Day([], new DateOnly(2026, 3, 29), Context(Berlin, now: now)).Days.Single();
        Assert.Equal(210, day.NowMinutes);
    }

    [Fact]
    public void AWeekOverTheChangeKeepsA0900SeriesAt0900EveryDay()
    {
        var days = Enumerable.Range(0, 7).Select(i => new DateOnly(2026, 3, 8).AddDays(i));
        var events = days.Select(d => On(NewYork, d, "Daily", "09:00", "09:30"));
        var week = TimeGridLayouter.Week(events, new DateOnly(2026, 3, 8), Context(NewYork, DayOfWeek.Sunday));
        Assert.Equal(new DateOnly(2026, 3, 8), week.Days[0].Date);
        Assert.All(week.Days, d => Assert.Equal(540, d.Item("Daily").TopMinutes));
        Assert.Equal([1380.0, 1440, 1440, 1440, 1440, 1440, 1440], week.Days.Select(d => d.LengthMinutes));
    }

    [Fact]
    public void ADaySkippingItsMidnightStartsWhenTheClocksJump()
    {
        // Santiago springs forward at 00:00 on 6 September 2026: the day begins at 01:00 and is 23 hours long.
        var santiago = TimeZoneInfo.FindSystemTimeZoneById("America/Santiago");
        var date = new DateOnly(2026, 9, 6);
        var e = On(santiago, date, "Breakfast", "08:00", "09:00");
        var day = TimeGridLayouter.Day([e], date, Context(santiago)).Days.Single();
        Assert.Equal(1380, day.LengthMinutes);
        Assert.Equal(new ClockChange(0, 60), day.ClockChange);
        Assert.Equal(480, day.Item("Breakfast").TopMinutes);
    }
}
