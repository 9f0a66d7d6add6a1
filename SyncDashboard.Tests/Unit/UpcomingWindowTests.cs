using SyncDashboard.Core.Events;

namespace SyncDashboard.Tests.Unit;

public sealed class UpcomingWindowTests
{
    private static readonly TimeZoneInfo Berlin = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");
    private static readonly TimeZoneInfo LosAngeles = TimeZoneInfo.FindSystemTimeZoneById("America/Los_Angeles");

    [Fact]
    public void TodayEndsAtTheUsersLocalMidnight()
    {
        // 22:30 UTC on 21 Nov is 23:30 in Berlin: "today" has half an hour left there.
        var now = new DateTimeOffset(2026, 11, 21, 22, 30, 0, TimeSpan.Zero);
        var (from, to) = UpcomingWindow.For(now, 0, Berlin);
        Assert.Equal(now.UtcDateTime, from);
        Assert.Equal(new DateTime(2026, 11, 21, 23, 0, 0, DateTimeKind.Utc), to);
    }

    [Fact]
    public void TodayInLosAngelesIsStillTheDayBefore()
    {
        var now = new DateTimeOffset(2026, 11, 22, 2, 0, 0, TimeSpan.Zero); // 18:00 on 21 Nov in Los Angeles
        var (_, to) = UpcomingWindow.For(now, 0, LosAngeles);
        Assert.Equal(new DateTime(2026, 11, 22, 8, 0, 0, DateTimeKind.Utc), to);
    }

    [Theory]
    [InlineData(1, 24)]
    [InlineData(7, 168)]
    public void DaysCountWholeDaysFromNow(int days, int hours)
    {
        var now = new DateTimeOffset(2026, 11, 21, 10, 0, 0, TimeSpan.Zero);
        var (from, to) = UpcomingWindow.For(now, days, Berlin);
        Assert.Equal(TimeSpan.FromHours(hours), to - from);
    }

    [Fact]
    public void AllDayEventOccupiesTheLocalDay()
    {
        var (start, end) = UpcomingWindow.Occupies(new DateTime(2026, 11, 22), new DateTime(2026, 11, 23), true, Berlin);
        Assert.Equal(new DateTime(2026, 11, 21, 23, 0, 0, DateTimeKind.Utc), start);
        Assert.Equal(new DateTime(2026, 11, 22, 23, 0, 0, DateTimeKind.Utc), end);
    }

    [Fact]
    public void AllDayEventTomorrowIsNotInTodaysWindow()
    {
        var now = new DateTimeOffset(2026, 11, 21, 22, 30, 0, TimeSpan.Zero);
        var (from, to) = UpcomingWindow.For(now, 0, Berlin);
        Assert.False(UpcomingWindow.Overlaps(new DateTime(2026, 11, 22), new DateTime(2026, 11, 23), true, Berlin, from, to));
        // …but in Los Angeles, where it is still the afternoon of the 21st, today's all-day event is.
        var (laFrom, laTo) = UpcomingWindow.For(now, 0, LosAngeles);
        Assert.True(UpcomingWindow.Overlaps(new DateTime(2026, 11, 21), new DateTime(2026, 11, 22), true, LosAngeles, laFrom, laTo));
    }

    [Fact]
    public void DaylightSavingChangeDayIsTwentyFiveHoursLong()
    {
        // Berlin leaves summer time on 25 Oct 2026.
        var (start, end) = UpcomingWindow.Occupies(new DateTime(2026, 10, 25), new DateTime(2026, 10, 26), true, Berlin);
        Assert.Equal(TimeSpan.FromHours(25), end - start);
    }

    [Fact]
    public void EventInProgressOverlapsTheWindow()
    {
        var now = new DateTime(2026, 11, 21, 10, 0, 0, DateTimeKind.Utc);
        Assert.True(UpcomingWindow.Overlaps(now.AddMinutes(-30), now.AddMinutes(30), false, Berlin, now, now.AddDays(1)));
        Assert.False(UpcomingWindow.Overlaps(now.AddMinutes(-60), now, false, Berlin, now, now.AddDays(1)));
    }
}
