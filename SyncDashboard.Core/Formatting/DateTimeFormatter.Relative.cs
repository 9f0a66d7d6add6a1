namespace SyncDashboard.Core.Formatting;

/// <summary>
/// The next-event widget's phrases: "now", "in 5 min", "in 2 h", "today 18:00", "tomorrow 09:00", "Sat 09:00".
/// The words are English like the rest of the app's text (no culture data holds them); the times and day names
/// in them follow the culture.
/// </summary>
public sealed partial class DateTimeFormatter
{
    /// <summary>Within this, "in 2 h" says more than a clock time; past it the time of day does ("today 18:00").</summary>
    private static readonly TimeSpan HoursPhraseLimit = TimeSpan.FromHours(4);

    /// <summary>
    /// How far off a timed event is from <paramref name="now"/>: "now" while it runs (or at the instant a
    /// zero-length one happens), "ended" after, minutes under an hour (rounded up, never "in 0 min"), whole hours
    /// under <see cref="HoursPhraseLimit"/>, then today/tomorrow/the weekday within a week, then the date.
    /// </summary>
    public string Relative(DateTimeOffset now, DateTimeOffset start, DateTimeOffset end)
    {
        if (start <= now) return now < end || now == start ? "now" : "ended";
        var until = start - now;
        var minutes = (int)Math.Ceiling(until.TotalMinutes);
        if (minutes < 60) return $"in {minutes} min";
        if (until < HoursPhraseLimit) return $"in {(int)Math.Round(until.TotalHours, MidpointRounding.AwayFromZero)} h";
        return $"{DayWord(LocalDate(now), LocalDate(start))} {Time(start)}";
    }

    /// <summary>
    /// An all-day event is a day, not an instant: tomorrow's reads "tomorrow" at any hour tonight, never "in 15 h";
    /// "today" while any of its days is today.
    /// </summary>
    public string RelativeAllDay(DateTimeOffset now, DateOnly start, DateOnly endExclusive)
    {
        var today = LocalDate(now);
        var last = endExclusive > start ? endExclusive.AddDays(-1) : start;
        if (last < today) return "ended";
        return start <= today ? "today" : DayWord(today, start);
    }

    /// <summary>Either kind, taking the event as the app stores it (all-day dates as UTC midnights).</summary>
    public string Relative(DateTimeOffset now, DateTimeOffset start, DateTimeOffset end, bool isAllDay)
    {
        if (!isAllDay) return Relative(now, start, end);
        var (first, endExclusive) = StoredAllDayDates(start, end);
        return RelativeAllDay(now, first, endExclusive);
    }

    private string DayWord(DateOnly today, DateOnly day) => (day.DayNumber - today.DayNumber) switch
    {
        0 => "today",
        1 => "tomorrow",
        // Within a week the weekday alone is unambiguous.
        > 1 and < 7 => WeekdayShort(day.DayOfWeek),
        _ => DateShort(day),
    };
}
