namespace SyncDashboard.Core.Events;

public sealed partial record RecurrencePattern
{
    private static readonly HashSet<string> PickerParts = ["FREQ", "INTERVAL", "COUNT", "UNTIL", "BYDAY", "BYMONTHDAY", "BYMONTH", "WKST"];

    /// <summary>
    /// The picker's choices for a series' rule, or false when the picker cannot say it exactly (several RRULEs, RDATE,
    /// EXRULE, parts it has no control for, a month day other than the first day's…): such a rule is shown in words as
    /// a custom rule and kept untouched. EXDATE lines are ignored here: they are no choice of the picker, and the
    /// editor carries them over when the pattern changes. An UNTIL instant is read as its day in <paramref name="zone"/>.
    /// </summary>
    public static bool TryFrom(string? recurrence, DateTime firstStartLocal, string? zone, out RecurrencePattern? pattern)
    {
        pattern = null;
        if (string.IsNullOrWhiteSpace(recurrence)) return false;
        var rule = RecurrenceRule.Parse(recurrence, out var problem);
        var lines = recurrence.Replace("\r", "").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (rule is null || problem is not null
            || lines.Any(l => !l.StartsWith("RRULE:", StringComparison.OrdinalIgnoreCase) && !l.StartsWith("EXDATE", StringComparison.OrdinalIgnoreCase)))
            return false;
        var keys = lines.First(l => l.StartsWith("RRULE:", StringComparison.OrdinalIgnoreCase))["RRULE:".Length..]
            .Split(';', StringSplitOptions.RemoveEmptyEntries).Select(p => p.Split('=')[0].Trim().ToUpperInvariant()).ToHashSet();
        if (!keys.IsSubsetOf(PickerParts)) return false;
        // WKST only matters to a weekly series every 2 or more weeks; the picker writes none, which means Monday.
        if (rule is { Freq: "WEEKLY", Interval: > 1, WeekStart: not DayOfWeek.Monday }) return false;

        var day = firstStartLocal.Date;
        var frequency = Enum.Parse<RepeatFrequency>(rule.Freq, ignoreCase: true);
        var (end, until) = rule.Until is { } u
            ? (RepeatEnd.OnDate, DateOnly.FromDateTime(u.IsUtc ? TimeZoneInfo.ConvertTimeFromUtc(u.Value, UpcomingWindow.FindZone(zone)) : u.Value))
            : (rule.Count is null ? RepeatEnd.Never : RepeatEnd.AfterCount, (DateOnly?)null);
        var monthlyBy = frequency switch
        {
            RepeatFrequency.Daily when rule is { Weekdays.Count: 0, ByMonthDay.Count: 0, ByMonth.Count: 0 } => MonthlyBy.DayOfMonth,
            RepeatFrequency.Weekly when rule is { ByMonthDay.Count: 0, ByMonth.Count: 0 } => MonthlyBy.DayOfMonth,
            RepeatFrequency.Monthly when rule.ByMonth.Count == 0 => MonthDay(rule, day),
            RepeatFrequency.Yearly when rule.ByMonth.Count == 0 && rule.ByMonthDay.Count == 0 && rule.Weekdays.Count == 0 => MonthlyBy.DayOfMonth,
            RepeatFrequency.Yearly when rule.ByMonth is [var month] && month == day.Month => MonthDay(rule, day),
            _ => (MonthlyBy?)null,
        };
        if (monthlyBy is null) return false;
        pattern = new RecurrencePattern(frequency, rule.Interval,
            frequency == RepeatFrequency.Weekly ? new HashSet<DayOfWeek>(rule.ByDay.Count > 0 ? rule.ByDay : [day.DayOfWeek]) : null,
            monthlyBy.Value, end, until, rule.Count);
        return true;
    }

    /// <summary>Which <see cref="MonthlyBy"/> the rule's month day is for a series starting on <paramref name="day"/>, or null for one the picker would not offer.</summary>
    private static MonthlyBy? MonthDay(RecurrenceRule rule, DateTime day) => (rule.ByMonthDay, rule.Weekdays) switch
    {
        ([], []) => MonthlyBy.DayOfMonth,
        ([var d], []) when d == day.Day => MonthlyBy.DayOfMonth,
        ([-1], []) when IsLastDayOfMonth(day) => MonthlyBy.LastDayOfMonth,
        ([], [var w]) when w.Day == day.DayOfWeek && w.Ordinal == NthOfMonth(day) => MonthlyBy.WeekdayOfMonth,
        ([], [var w]) when w.Day == day.DayOfWeek && w.Ordinal == -1 && IsLastOfMonth(day) => MonthlyBy.LastWeekdayOfMonth,
        _ => null,
    };
}
