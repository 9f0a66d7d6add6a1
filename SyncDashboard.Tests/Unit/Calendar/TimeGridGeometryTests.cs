using SyncDashboard.Web.Calendar.Layout;
using SyncDashboard.Web.Components.Calendar;

namespace SyncDashboard.Tests.Unit.Calendar;

public sealed class TimeGridGeometryTests
{
    private static readonly TimeGridGeometry Geometry = new(HourHeightPx: 48, SnapMinutes: 15, MinimumItemMinutes: 15);

    [Theory]
    [InlineData(0, 0)]
    [InlineData(11.9, 0)]
    [InlineData(12, 15)]
    [InlineData(10 * 48 + 16, 10 * 60 + 15)]
    [InlineData(-5, 0)]
    [InlineData(24 * 48 + 100, 23 * 60 + 45)] // below the grid: the last slot, not the next day
    public void AClickLandsInTheQuarterHourAboveIt(double offsetY, int minute) => Assert.Equal(minute, Geometry.SlotAt(offsetY));

    [Fact]
    public void AnItemsBoxFollowsItsTimeAndItsShareOfTheColumn()
    {
        var placement = new TimedPlacement(LayoutEvent.Timed(Guid.NewGuid(), "x", DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch), 9 * 60 + 30, 90, 1, 3, 2, false, false);

        var box = Geometry.Box(placement);

        Assert.Equal((456, 72), (box.TopPx, box.HeightPx));
        Assert.Equal("top:456px;height:72px;left:33.333%;width:66.667%", box.Style);
    }

    [Fact]
    public void AnItemShorterThanTheMinimumIsDrawnAtTheMinimum()
    {
        var placement = new TimedPlacement(LayoutEvent.Timed(Guid.NewGuid(), "x", DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch), 60, 0, 0, 1, 1, false, false);

        Assert.Equal(12, Geometry.Box(placement).HeightPx);
        Assert.Equal(24 * 48, Geometry.GridHeightPx);
    }
}
