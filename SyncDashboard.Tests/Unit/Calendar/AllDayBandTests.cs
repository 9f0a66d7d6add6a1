using SyncDashboard.Core.Events;
using SyncDashboard.Web.Calendar.Layout;
using static SyncDashboard.Tests.Unit.Calendar.LayoutKit;

namespace SyncDashboard.Tests.Unit.Calendar;

/// <summary>The week view's all-day band: bars over the days they span, packed into lanes, clipped to the week.</summary>
public sealed class AllDayBandTests
{
    private static DateOnly Dec(int day) => new(2026, 12, day);

    private static AllDayBand Band(DayOfWeek weekStart, params LayoutEvent[] events) =>
        TimeGridLayouter.Week(events, Dec(2), Context(Berlin, weekStart)).Band;

    [Fact]
    public void ATwoDayAllDayEventCoversSaturdayAndSunday()
    {
        // Stored end is exclusive (Monday 7th): the bar covers two days, not three and not one.
        var bar = Band(DayOfWeek.Monday, AllDay("Weekend", Dec(5), Dec(7))).Bar("Weekend");
        Assert.Equal((5, 2, 0, false, false), (bar.StartColumn, bar.Span, bar.Lane, bar.ContinuesBefore, bar.ContinuesAfter));
    }

    [Fact]
    public void AWeekEndingSaturdayClipsTheWeekendAndSaysItGoesOn()
    {
        var bar = Band(DayOfWeek.Sunday, AllDay("Weekend", Dec(5), Dec(7))).Bar("Weekend");
        Assert.Equal((6, 1, false, true), (bar.StartColumn, bar.Span, bar.ContinuesBefore, bar.ContinuesAfter));
    }

    [Theory]
    [InlineData(DayOfWeek.Monday, 4, 3, false, true)]   // Mon 30 Nov – Sun 6 Dec: Fri, Sat, Sun
    [InlineData(DayOfWeek.Sunday, 5, 2, false, true)]   // Sun 29 Nov – Sat 5 Dec: Fri, Sat
    [InlineData(DayOfWeek.Saturday, 6, 1, false, true)] // Sat 28 Nov – Fri 4 Dec: Fri
    public void AnEventCrossingTheWeekBoundaryIsClippedToTheWeek(DayOfWeek weekStart, int column, int span, bool before, bool after)
    {
        var bar = Band(weekStart, AllDay("Trip", Dec(4), Dec(9))).Bar("Trip");
        Assert.Equal((column, span, before, after), (bar.StartColumn, bar.Span, bar.ContinuesBefore, bar.ContinuesAfter));
    }

    [Fact]
    public void TheNextWeekShowsTheRestWithContinuesBefore()
    {
        var next = TimeGridLayouter.Week([AllDay("Trip", Dec(4), Dec(9))], Dec(7), Context(Berlin)).Band.Bar("Trip");
        Assert.Equal((0, 2, true, false), (next.StartColumn, next.Span, next.ContinuesBefore, next.ContinuesAfter));
    }

    [Fact]
    public void AnEventLongerThanTheWeekSpansItAllWithBothFlags()
    {
        var bar = Band(DayOfWeek.Monday, AllDay("Holiday", Dec(1).AddDays(-10), Dec(20))).Bar("Holiday");
        Assert.Equal((0, 7, true, true), (bar.StartColumn, bar.Span, bar.ContinuesBefore, bar.ContinuesAfter));
    }

    [Fact]
    public void BarsArePackedIntoTheFewestLanesFirstFit()
    {
        // Mon–Wed and Tue–Thu overlap; Wed alone needs a third lane; Thu–Fri fits back in lane 0 after Mon–Wed.
        var band = Band(DayOfWeek.Monday,
            AllDay("MonWed", Mon30Nov, Dec(3)),
            AllDay("TueThu", Dec(1), Dec(4)),
            AllDay("Wed", Dec(2), Dec(3)),
            AllDay("ThuFri", Dec(3), Dec(5)));
        Assert.Equal(0, band.Bar("MonWed").Lane);
        Assert.Equal(1, band.Bar("TueThu").Lane);
        Assert.Equal(2, band.Bar("Wed").Lane);
        Assert.Equal(0, band.Bar("ThuFri").Lane);
        Assert.Equal(3, band.LaneCount);
    }

    [Fact]
    public void OnTheSameFirstDayTheLongerBarTakesTheUpperLane()
    {
        var band = Band(DayOfWeek.Monday, AllDay("Short", Dec(1), Dec(2)), AllDay("Long", Dec(1), Dec(5)));
        Assert.Equal(0, band.Bar("Long").Lane);
        Assert.Equal(1, band.Bar("Short").Lane);
    }

    [Fact]
    public void AMultiDayTimedEventCoversEveryDateItTouches()
    {
        var conference = Timed("Conference", Local(Berlin, 2026, 12, 1, 9), Local(Berlin, 2026, 12, 3, 17));
        var bar = Band(DayOfWeek.Monday, conference).Bar("Conference");
        Assert.Equal((1, 3), (bar.StartColumn, bar.Span));
    }

    [Fact]
    public void AnEmptyBandHasNoLanes() => Assert.Equal(0, Band(DayOfWeek.Monday).LaneCount);

    [Theory]
    [InlineData("Pacific/Kiritimati")]
    [InlineData("America/Los_Angeles")]
    [InlineData("UTC")]
    public void AllDayDatesStoredAsUtcMidnightsAreNotShiftedByTheViewersZone(string zoneId)
    {
        var dto = new EventDto(Guid.NewGuid(), "Weekend", new DateTimeOffset(2026, 12, 5, 0, 0, 0, TimeSpan.Zero),
            new DateTimeOffset(2026, 12, 7, 0, 0, 0, TimeSpan.Zero), true, null, null, null, null, null, 1, DateTimeOffset.UnixEpoch, []);
        var week = TimeGridLayouter.Week([LayoutEvent.From(dto)], Dec(2), Context(TimeZoneInfo.FindSystemTimeZoneById(zoneId)));
        var bar = week.Band.Bar("Weekend");
        Assert.Equal((5, 2), (bar.StartColumn, bar.Span));
    }
}
