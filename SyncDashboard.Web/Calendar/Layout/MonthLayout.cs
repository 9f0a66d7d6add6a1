namespace SyncDashboard.Web.Calendar.Layout;

/// <summary>The month view: whole weeks from the first day of the week, <see cref="Month"/> being its 1st.</summary>
public sealed record MonthLayout(DateOnly Month, IReadOnlyList<MonthWeek> Weeks);

/// <summary>
/// One week row: its seven days and the bars of events that touch more than one day, packed into lanes across the
/// row. Only bars in the first <see cref="LayoutOptions.MonthMaxLanes"/> lanes are here; the others are counted in
/// each covered day's <see cref="MonthDay.Hidden"/>.
/// </summary>
public sealed record MonthWeek(IReadOnlyList<MonthDay> Days, IReadOnlyList<BandBar> Bars);

/// <summary>
/// One cell. <see cref="Items"/> are the day's single-day events (all-day first, then by start) in the lanes the
/// week's bars leave free on that day; <see cref="Hidden"/> is what did not fit, bars included, for "+N more".
/// </summary>
public sealed record MonthDay(DateOnly Date, bool InMonth, bool IsToday, IReadOnlyList<MonthItem> Items, IReadOnlyList<LayoutEvent> Hidden)
{
    /// <summary>The "+N more" count; the link sits under the lanes, not in place of one.</summary>
    public int MoreCount => Hidden.Count;
}

/// <summary>A single-day event in a month cell, at row <see cref="Lane"/> (the same rows the week's bars use).</summary>
public sealed record MonthItem(LayoutEvent Event, int Lane);
