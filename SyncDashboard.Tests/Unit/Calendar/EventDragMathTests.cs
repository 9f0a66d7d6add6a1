using SyncDashboard.Web.Calendar.Drag;
using static SyncDashboard.Tests.Unit.Calendar.LayoutKit;

namespace SyncDashboard.Tests.Unit.Calendar;

/// <summary>Where a drag lands: 15-minute steps, the start kept on its day, ends never before a step, DST days in wall time.</summary>
public sealed class EventDragMathTests
{
    private const double MinutePx = 48.0 / 60; // the grid's default: 48 px an hour

    [Theory]
    [InlineData(0, 0)]
    [InlineData(5, 0)]        // 6 min: less than half a step stays put
    [InlineData(6, 15)]       // 7.5 min: half a step tips over
    [InlineData(12, 15)]
    [InlineData(-12, -15)]
    [InlineData(36, 45)]
    [InlineData(-100, -120)]  // 125 min
    [InlineData(-6, 0)]       // -7.5 min: half a step rounds up, as the browser's preview does
    public void DistancesSnapToTheNearestQuarterHour(double px, int minutes) =>
        Assert.Equal(minutes, EventDragMath.SnapMinutes(px, MinutePx));

    [Theory]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    public void ANonsenseDistanceMovesNothing(double px) => Assert.Equal(0, EventDragMath.SnapMinutes(px, MinutePx));

    [Fact]
    public void AHugeDistanceIsCappedAtADay() => Assert.Equal(24 * 60, EventDragMath.SnapMinutes(1e12, MinutePx));

    [Fact]
    public void AMoveKeepsTheStartOnItsDay()
    {
        var at2230 = Utc(2026, 12, 1, 22, 30);
        Assert.Equal(new DragStep(1, 60), EventDragMath.MoveStep(at2230, TimeZoneInfo.Utc, 1, 60));
        Assert.Equal(new DragStep(0, 75), EventDragMath.MoveStep(at2230, TimeZoneInfo.Utc, 0, 240)); // up to 23:45
        var at0015 = Utc(2026, 12, 1, 0, 15);
        Assert.Equal(new DragStep(0, -15), EventDragMath.MoveStep(at0015, TimeZoneInfo.Utc, 0, -120)); // down to 00:00
    }

    [Fact]
    public void AMoveKeepsTheLengthAndShiftsBothEnds()
    {
        var (start, end) = EventDragMath.Move(Utc(2026, 12, 1, 9, 0), Utc(2026, 12, 1, 10, 30), TimeZoneInfo.Utc, new DragStep(2, -45));
        Assert.Equal(Utc(2026, 12, 3, 8, 15), start);
        Assert.Equal(Utc(2026, 12, 3, 9, 45), end);
    }

    [Fact]
    public void MovedOntoTheDayTheClocksGoForwardItKeepsItsTimeOfDay()
    {
        // Berlin, 29 March 2026: 02:00 becomes 03:00. 09:00 on Saturday is 08:00 UTC, 09:00 on Sunday is 07:00 UTC.
        var saturday0900 = Utc(2026, 3, 28, 8, 0);
        var (start, end) = EventDragMath.Move(saturday0900, saturday0900.AddHours(1), Berlin, EventDragMath.MoveStep(saturday0900, Berlin, 1, 0));
        Assert.Equal(Utc(2026, 3, 29, 7, 0), start);
        Assert.Equal(TimeSpan.FromHours(1), end - start);
    }

    [Fact]
    public void MovedIntoTheSkippedHourItLandsAfterTheJump()
    {
        // 01:30 + 60 min of wall time is 02:30, which does not exist that night: read with the offset before the jump.
        var at0130 = Utc(2026, 3, 29, 0, 30);
        var (start, _) = EventDragMath.Move(at0130, at0130.AddMinutes(30), Berlin, new DragStep(0, 60));
        Assert.Equal(Utc(2026, 3, 29, 1, 30), start); // 03:30 CEST
    }

    [Fact]
    public void AllDayEventsMoveByWholeDates()
    {
        var (start, end) = EventDragMath.MoveAllDay(Utc(2026, 12, 5, 0, 0), Utc(2026, 12, 7, 0, 0), -3);
        Assert.Equal((Utc(2026, 12, 2, 0, 0), Utc(2026, 12, 4, 0, 0)), (start, end));
    }

    [Fact]
    public void AResizeMovesOnlyTheEndAndNeverBelowOneStep()
    {
        var start = Utc(2026, 12, 1, 9, 0);
        Assert.Equal((start, Utc(2026, 12, 1, 11, 15)), EventDragMath.Resize(start, start.AddHours(1), TimeZoneInfo.Utc, 75));
        Assert.Equal((start, start.AddMinutes(15)), EventDragMath.Resize(start, start.AddHours(1), TimeZoneInfo.Utc, -180));
    }

    [Fact]
    public void AResizeAcrossTheNightTheClocksGoBackCountsWallTime()
    {
        // Berlin, 25 October 2026: 03:00 becomes 02:00. An end dragged from 01:00 to 04:00 wall time is four real hours later.
        var start = Utc(2026, 10, 24, 22, 0); // 00:00 CEST
        var (_, end) = EventDragMath.Resize(start, start.AddHours(1), Berlin, 180);
        Assert.Equal(Utc(2026, 10, 25, 3, 0), end); // 04:00 CET
    }

    private static DateTimeOffset Utc(int y, int m, int d, int h, int min) => new(y, m, d, h, min, 0, TimeSpan.Zero);
}
