namespace SyncDashboard.Web.Calendar.Layout;

/// <summary>
/// The week or day view: one column per day with its timed items, the all-day band across the top, and where "now"
/// is. Vertical positions are wall-clock minutes after the day's local midnight (see <see cref="TimeGridDay"/>).
/// </summary>
public sealed record TimeGridLayout(IReadOnlyList<TimeGridDay> Days, AllDayBand Band);

/// <summary>
/// One day column. <see cref="LengthMinutes"/> is the day's real length (1380 on a spring-forward day, 1500 on a
/// fall-back day); the grid stays 1440 wall-clock minutes tall so every column shares the hour labels, and
/// <see cref="ClockChange"/> says where the skipped or repeated hour is.
/// </summary>
public sealed record TimeGridDay(
    DateOnly Date,
    bool IsToday,
    double LengthMinutes,
    ClockChange? ClockChange,
    IReadOnlyList<TimedPlacement> Items,
    double? NowMinutes);

/// <summary>The clocks jump at <see cref="AtMinute"/> (wall clock, before the jump) by <see cref="ShiftMinutes"/> (+60 spring, −60 fall).</summary>
public sealed record ClockChange(double AtMinute, double ShiftMinutes);

/// <summary>
/// A timed item's place in a day column. Top and duration are in wall-clock minutes, clipped to the day: an event
/// crossing midnight appears on each day it touches with <see cref="ContinuesBefore"/>/<see cref="ContinuesAfter"/>.
/// Horizontally it takes <see cref="ColumnSpan"/> of <see cref="ColumnCount"/> equal columns from <see cref="Column"/>:
/// left = Column / ColumnCount, width = ColumnSpan / ColumnCount. Draw it at least
/// <see cref="LayoutOptions.MinimumItemMinutes"/> tall; the packing already made room for that.
/// </summary>
public sealed record TimedPlacement(
    LayoutEvent Event,
    double TopMinutes,
    double DurationMinutes,
    int Column,
    int ColumnCount,
    int ColumnSpan,
    bool ContinuesBefore,
    bool ContinuesAfter);

/// <summary>Bars across day columns (the week's all-day band, or a month row), packed into lanes.</summary>
public sealed record AllDayBand(IReadOnlyList<BandBar> Bars, int LaneCount);

/// <summary>
/// A bar from day column <see cref="StartColumn"/> over <see cref="Span"/> columns in row <see cref="Lane"/>,
/// clipped to the visible days; the flags say the event goes on beyond them (draw an arrow or a square edge).
/// </summary>
public sealed record BandBar(LayoutEvent Event, int StartColumn, int Span, int Lane, bool ContinuesBefore, bool ContinuesAfter);
