using System.Globalization;
using SyncDashboard.Core.Common;

namespace SyncDashboard.Core.Events;

/// <summary>
/// The choices of the editor's Repeat picker, and the RRULE they stand for. The day a monthly or yearly series falls on
/// comes from the series' first day (<see cref="MonthlyBy"/> says how to read it), so moving the first day moves the
/// rule with it, as in Google's own editor. <see cref="TryFrom"/> reads a rule back into choices when they can say it.
/// </summary>
public sealed partial record RecurrencePattern(
    RepeatFrequency Frequency,
    int Interval = 1,
    IReadOnlySet<DayOfWeek>? Weekdays = null,
    MonthlyBy MonthlyBy = MonthlyBy.DayOfMonth,
    RepeatEnd End = RepeatEnd.Never,
    DateOnly? Until = null,
    int? Count = null)
{
    private static readonly string[] DayCodes = ["SU", "MO", "TU", "WE", "TH", "FR", "SA"];

    /// <summary>The weekly days, or the first day's weekday when none is chosen.</summary>
    public IReadOnlySet<DayOfWeek> WeekdaysFor(DateTime firstStartLocal) =>
        Weekdays is { Count: > 0 } days ? days : new HashSet<DayOfWeek> { firstStartLocal.DayOfWeek };

    /// <summary>
    /// The RRULE line, parts in the order Google writes them. UNTIL is the end of the chosen day: a date for an all-day
    /// series, else the UTC instant of 23:59:59 that day in <paramref name="zone"/> (the series' zone).
    /// </summary>
    public string ToRule(DateTime firstStartLocal, bool allDay, string? zone)
    {
        var parts = new List<string> { "FREQ=" + Frequency.ToString().ToUpperInvariant() };
        if (Interval > 1) parts.Add("INTERVAL=" + Interval.ToString(CultureInfo.InvariantCulture));
        var day = firstStartLocal.Date;
        switch (Frequency)
        {
            case RepeatFrequency.Weekly:
                // Monday first, as Google writes them; the order carries no meaning.
                var days = WeekdaysFor(firstStartLocal);
                parts.Add("BYDAY=" + string.Join(",", Enumerable.Range(1, 7).Select(i => (DayOfWeek)(i % 7)).Where(days.Contains).Select(d => DayCodes[(int)d])));
                break;
            case RepeatFrequency.Monthly:
                parts.Add(DayPart(day));
                break;
            case RepeatFrequency.Yearly when MonthlyBy != MonthlyBy.DayOfMonth:
                parts.Add("BYMONTH=" + day.Month.ToString(CultureInfo.InvariantCulture));
                parts.Add(DayPart(day));
                break;
        }
        if (End == RepeatEnd.AfterCount) parts.Add("COUNT=" + Math.Max(1, Count ?? 1).ToString(CultureInfo.InvariantCulture));
        if (End == RepeatEnd.OnDate && Until is { } until) parts.Add("UNTIL=" + UntilText(until, allDay, zone));
        return "RRULE:" + string.Join(";", parts);
    }

    /// <summary>The month's day as <see cref="MonthlyBy"/> reads it off <paramref name="day"/>: BYMONTHDAY=11, -1, or BYDAY=2TU, -1FR.</summary>
    private string DayPart(DateTime day) => MonthlyBy switch
    {
        MonthlyBy.LastDayOfMonth => "BYMONTHDAY=-1",
        MonthlyBy.WeekdayOfMonth => $"BYDAY={NthOfMonth(day).ToString(CultureInfo.InvariantCulture)}{DayCodes[(int)day.DayOfWeek]}",
        MonthlyBy.LastWeekdayOfMonth => $"BYDAY=-1{DayCodes[(int)day.DayOfWeek]}",
        _ => "BYMONTHDAY=" + day.Day.ToString(CultureInfo.InvariantCulture),
    };

    private static string UntilText(DateOnly until, bool allDay, string? zone)
    {
        if (allDay) return until.ToString("yyyyMMdd", CultureInfo.InvariantCulture);
        var endOfDay = until.ToDateTime(new TimeOnly(23, 59, 59));
        return ZonedTime.ToUtc(endOfDay, UpcomingWindow.FindZone(zone)).ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);
    }

    /// <summary>Which of its weekday in the month a day is: 1 for the first Tuesday, up to 5.</summary>
    public static int NthOfMonth(DateTime day) => (day.Day - 1) / 7 + 1;

    /// <summary>Whether no later day of the month has the same weekday (the "last Friday" choice applies).</summary>
    public static bool IsLastOfMonth(DateTime day) => day.Day + 7 > DateTime.DaysInMonth(day.Year, day.Month);

    /// <summary>Whether the day is its month's last (the "last day" choice applies).</summary>
    public static bool IsLastDayOfMonth(DateTime day) => day.Day == DateTime.DaysInMonth(day.Year, day.Month);

    /// <summary>The choices of <see cref="MonthlyBy"/> that make sense for a series starting on <paramref name="day"/>.</summary>
    public static IReadOnlyList<MonthlyBy> MonthlyChoices(DateTime day)
    {
        var choices = new List<MonthlyBy> { MonthlyBy.DayOfMonth };
        if (IsLastDayOfMonth(day)) choices.Add(MonthlyBy.LastDayOfMonth);
        choices.Add(MonthlyBy.WeekdayOfMonth);
        if (IsLastOfMonth(day)) choices.Add(MonthlyBy.LastWeekdayOfMonth);
        return choices;
    }

    // Records compare sets by reference; two patterns with the same days are the same choice.
    public bool Equals(RecurrencePattern? other) =>
        other is not null && Frequency == other.Frequency && Interval == other.Interval && MonthlyBy == other.MonthlyBy
        && End == other.End && Until == other.Until && Count == other.Count
        && (Weekdays ?? new HashSet<DayOfWeek>()).SetEquals(other.Weekdays ?? new HashSet<DayOfWeek>());

    public override int GetHashCode() =>
        HashCode.Combine(Frequency, Interval, MonthlyBy, End, Until, Count, Weekdays?.Aggregate(0, (h, d) => h | 1 << (int)d) ?? 0);
}
