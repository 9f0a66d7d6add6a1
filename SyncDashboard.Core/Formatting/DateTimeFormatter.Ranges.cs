namespace SyncDashboard.Core.Formatting;

/// <summary>Spans of time and the calendar's view titles.</summary>
public sealed partial class DateTimeFormatter
{
    /// <summary>
    /// The app stores an all-day event's dates as UTC midnights, end exclusive (<c>EventDto</c>, <c>CalendarEvent</c>).
    /// Read as dates, never converted into a zone: 2026-12-05T00:00Z is 5 December for everyone.
    /// </summary>
    public static (DateOnly Start, DateOnly EndExclusive) StoredAllDayDates(DateTimeOffset start, DateTimeOffset end) =>
        (DateOnly.FromDateTime(start.UtcDateTime), DateOnly.FromDateTime(end.UtcDateTime));

    /// <summary>
    /// "14:05–15:00" within a day (an end at the next midnight still counts as that day: "22:00–00:00"), otherwise
    /// "Tue 1 Dec 22:00 – Wed 2 Dec 02:00". Parts that contain spaces get a spaced dash so it reads as one range.
    /// </summary>
    public string TimeRange(DateTimeOffset start, DateTimeOffset end)
    {
        if (end < start) end = start;
        return OnOneDay(start, end)
            ? Dash(Time(start), Time(end))
            : $"{DateShort(start)} {Time(start)} – {DateShort(end)} {Time(end)}";
    }

    /// <summary>
    /// An all-day span by its dates, <paramref name="endExclusive"/> as stored: Sat 5 – Mon 7 (exclusive) is
    /// "Sat 5 Dec – Sun 6 Dec", two days, and a one-day event is just its date. Across a new year both dates carry it.
    /// </summary>
    public string AllDayRange(DateOnly start, DateOnly endExclusive)
    {
        var last = endExclusive > start ? endExclusive.AddDays(-1) : start;
        if (last == start) return DateShort(start);
        return last.Year == start.Year
            ? $"{DateShort(start)} – {DateShort(last)}"
            : $"{DateMedium(start)} – {DateMedium(last)}";
    }

    /// <summary>
    /// When an event happens, in full, as the editor and lists show it: "Tue 1 Dec 14:05–15:00", a range across days,
    /// or its all-day dates. Takes the event as the app stores it (all-day dates as UTC midnights).
    /// </summary>
    public string EventRange(DateTimeOffset start, DateTimeOffset end, bool isAllDay)
    {
        if (isAllDay)
        {
            var (first, endExclusive) = StoredAllDayDates(start, end);
            return AllDayRange(first, endExclusive);
        }
        var range = TimeRange(start, end);
        return OnOneDay(start, end < start ? start : end) ? $"{DateShort(start)} {range}" : range;
    }

    /// <summary>The month view's title: the culture's year-and-month, "December 2026", "2026年12月".</summary>
    public string MonthTitle(DateOnly anyDayOfMonth) => Format(anyDayOfMonth, patterns.YearMonth);

    /// <summary>The day view's title: the full date.</summary>
    public string DayTitle(DateOnly day) => DateLong(day);

    /// <summary>
    /// A week's (or the agenda's) title: "Nov 30 – Dec 6, 2026". The year is written once, where the culture puts it
    /// (at the end, or at the start for year-first cultures: "2026年11月30日 – 12月6日"), and on both sides across a new year.
    /// </summary>
    public string RangeTitle(DateOnly first, DateOnly last)
    {
        if (last < first) (first, last) = (last, first);
        if (first == last) return DateMedium(first);
        if (first.Year != last.Year) return $"{DateMedium(first)} – {DateMedium(last)}";
        return patterns.YearFirst
            ? $"{DateMedium(first)} – {MonthDay(last)}"
            : $"{MonthDay(first)} – {DateMedium(last)}";
    }

    private bool OnOneDay(DateTimeOffset start, DateTimeOffset end)
    {
        var (s, e) = (ToLocal(start), ToLocal(end));
        return e.Date == s.Date || (e.TimeOfDay == TimeSpan.Zero && e.Date == s.Date.AddDays(1));
    }

    private static string Dash(string from, string to) =>
        from.Any(char.IsWhiteSpace) || to.Any(char.IsWhiteSpace) ? $"{from} – {to}" : $"{from}–{to}";
}
