namespace SyncDashboard.Web.Calendar.Layout;

/// <summary>
/// Who is looking and when: the viewer's zone and first day of the week, and the current instant from the app's
/// <see cref="TimeProvider"/> (never the machine clock, so tests and the demo can pin it).
/// </summary>
public sealed record LayoutContext(TimeZoneInfo Zone, DayOfWeek WeekStart, DateTimeOffset Now, LayoutOptions? Options = null)
{
    public LayoutOptions Settings => Options ?? LayoutOptions.Default;

    /// <summary>Today is the viewer's local date, which is not the server's nor UTC's.</summary>
    public DateOnly Today => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(Now, Zone).DateTime);
}

/// <summary>Knobs the views may turn; the defaults suit a desktop month grid and a phone's agenda.</summary>
public sealed record LayoutOptions
{
    public static readonly LayoutOptions Default = new();

    /// <summary>
    /// The shortest an item is drawn in the time grid, so a zero-length or five-minute event stays clickable. Packing
    /// uses it too: two items that would be drawn over each other are placed side by side.
    /// </summary>
    public int MinimumItemMinutes { get; init; } = 15;

    /// <summary>Rows of items a month cell shows; the rest are counted in its "+N more".</summary>
    public int MonthMaxLanes { get; init; } = 3;

    /// <summary>Days the agenda lists from its anchor.</summary>
    public int AgendaDays { get; init; } = 14;
}
