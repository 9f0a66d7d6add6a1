namespace SyncDashboard.Web.Calendar.Layout;

/// <summary>Which local dates an event touches, and where in a view it belongs.</summary>
internal static class EventDays
{
    /// <summary>
    /// First and last local date touched, both inclusive. An end at exactly midnight does not touch the next day (a
    /// 22:00–00:00 event is one day); a zero-length event touches the day it happens on.
    /// </summary>
    public static (DateOnly First, DateOnly Last) Touched(LayoutEvent e, TimeZoneInfo zone)
    {
        if (e.IsAllDay) return (e.AllDayStart, e.AllDayEnd.AddDays(-1));
        var first = LocalDate(e.Start, zone);
        return (first, e.End > e.Start ? LocalDate(e.End.AddTicks(-1), zone) : first);
    }

    /// <summary>
    /// The week and day views put all-day events and timed events of a day or more in the band at the top, as Google
    /// and Outlook do: a three-day conference drawn as three full-height columns would hide everything under it.
    /// </summary>
    public static bool BelongsInBand(LayoutEvent e) => e.IsAllDay || e.Duration >= TimeSpan.FromDays(1);

    /// <summary>
    /// Order within a day or a band: all-day first, then by start, longer first when starts tie, then by title and
    /// id so the same data always lays out the same way.
    /// </summary>
    public static IOrderedEnumerable<T> InDisplayOrder<T>(this IEnumerable<T> items, Func<T, LayoutEvent> ev) =>
        items.OrderByDescending(x => ev(x).IsAllDay)
            .ThenBy(x => SortStart(ev(x)))
            .ThenByDescending(x => ev(x).Duration)
            .ThenBy(x => ev(x).Title, StringComparer.CurrentCulture)
            .ThenBy(x => ev(x).EventId);

    private static DateTimeOffset SortStart(LayoutEvent e) =>
        e.IsAllDay ? new DateTimeOffset(e.AllDayStart.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero) : e.Start;

    private static DateOnly LocalDate(DateTimeOffset instant, TimeZoneInfo zone) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, zone).DateTime);
}
