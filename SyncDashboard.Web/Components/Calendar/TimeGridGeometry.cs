using System.Globalization;
using SyncDashboard.Web.Calendar.Layout;

namespace SyncDashboard.Web.Components.Calendar;

/// <summary>
/// The week and day views' geometry, in one place: where a minute of the day is on screen, how an item's box is
/// placed, and which slot a click (or, later, a drag) lands in. The grid is 24 wall-clock hours tall on every day
/// (see <see cref="TimeGridLayout"/>).
/// </summary>
public sealed record TimeGridGeometry(double HourHeightPx = 48, int SnapMinutes = 15, int MinimumItemMinutes = 15)
{
    public static TimeGridGeometry Default { get; } = new();

    public const int DayMinutes = 24 * 60;

    public double PixelsPerMinute => HourHeightPx / 60;

    public double GridHeightPx => DayMinutes * PixelsPerMinute;

    public double Y(double minutes) => minutes * PixelsPerMinute;

    /// <summary>
    /// An item's box: top and height in pixels (at least <see cref="MinimumItemMinutes"/> tall, the height packing
    /// made room for), left and width as shares of the day column.
    /// </summary>
    public ItemBox Box(TimedPlacement p) => new(
        Y(p.TopMinutes),
        Y(Math.Max(p.DurationMinutes, MinimumItemMinutes)),
        100.0 * p.Column / p.ColumnCount,
        100.0 * p.ColumnSpan / p.ColumnCount);

    /// <summary>The start of the slot at <paramref name="offsetY"/> pixels down the column, snapped down to the step.</summary>
    public int SlotAt(double offsetY)
    {
        var minute = (int)Math.Floor(Math.Max(0, offsetY) / PixelsPerMinute);
        var snapped = minute / SnapMinutes * SnapMinutes;
        return Math.Min(snapped, DayMinutes - SnapMinutes);
    }
}

/// <summary>An item's place in its day column.</summary>
public readonly record struct ItemBox(double TopPx, double HeightPx, double LeftPercent, double WidthPercent)
{
    public string Style => string.Create(CultureInfo.InvariantCulture,
        $"top:{TopPx:0.##}px;height:{HeightPx:0.##}px;left:{LeftPercent:0.###}%;width:{WidthPercent:0.###}%");
}
