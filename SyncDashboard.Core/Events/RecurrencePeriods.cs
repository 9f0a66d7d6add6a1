namespace SyncDashboard.Core.Events;

/// <summary>
/// The days one period of a rule holds (the kth day, week, month or year after the first, times INTERVAL), following
/// RFC 5545's table of BYxxx parts: BYMONTH limits a daily, weekly or monthly rule and expands a yearly one; BYMONTHDAY
/// and BYDAY expand a month (or a year), and BYDAY with a number picks the nth (2TU) or nth-from-last (-1FR) of them;
/// BYDAY limits a month's BYMONTHDAY days; BYSETPOS keeps the given positions of the period's days. A yearly or monthly
/// rule that names no day repeats on the first day's date, and a month without that date (31 April) is skipped.
/// </summary>
internal static class RecurrencePeriods
{
    /// <summary>Periods examined at most: 400 years of any frequency is past year <see cref="EventLimits.MaxYear"/>.</summary>
    public static long MaxSteps(string freq) => freq switch { "YEARLY" => 400L, "MONTHLY" => 400L * 12, "WEEKLY" => 400L * 53, _ => 400L * 366 };

    /// <summary>Period <paramref name="k"/>'s days in order, or null when it starts past the horizon.</summary>
    public static IReadOnlyList<DateTime>? Days(RecurrenceRule rule, DateTime first, long k)
    {
        var steps = k * rule.Interval;
        if (steps > MaxSteps(rule.Freq)) return null;
        var day = first.Date;
        var periodStart = rule.Freq switch
        {
            "WEEKLY" => day.AddDays(-(((int)day.DayOfWeek - (int)rule.WeekStart + 7) % 7)).AddDays(7 * steps),
            "MONTHLY" => new DateTime(day.Year, day.Month, 1).AddMonths((int)steps),
            "YEARLY" => new DateTime(day.Year, 1, 1).AddYears((int)steps),
            _ => day.AddDays(steps),
        };
        if (periodStart.Year > EventLimits.MaxYear) return null;
        List<DateTime> days = rule.Freq switch
        {
            "WEEKLY" => Week(rule, first, periodStart),
            "MONTHLY" => InMonth(rule, first, periodStart),
            "YEARLY" => Year(rule, first, periodStart),
            _ => Matches(rule, periodStart) ? [periodStart] : [],
        };
        return rule.BySetPos.Count == 0 ? days : SetPositions(days, rule.BySetPos);
    }

    /// <summary>DAILY: BYMONTH, BYMONTHDAY and BYDAY each limit which days count.</summary>
    private static bool Matches(RecurrenceRule rule, DateTime day) =>
        (rule.ByMonth.Count == 0 || rule.ByMonth.Contains(day.Month))
        && (rule.ByMonthDay.Count == 0 || rule.ByMonthDay.Any(d => MonthDay(day.Year, day.Month, d) == day.Day))
        && (rule.ByDay.Count == 0 || rule.ByDay.Contains(day.DayOfWeek));

    private static List<DateTime> Week(RecurrenceRule rule, DateTime first, DateTime weekStart)
    {
        var days = new List<DateTime>();
        for (var d = 0; d < 7; d++)
        {
            var day = weekStart.AddDays(d);
            var named = rule.ByDay.Count == 0 ? day.DayOfWeek == first.DayOfWeek : rule.ByDay.Contains(day.DayOfWeek);
            if (named && (rule.ByMonth.Count == 0 || rule.ByMonth.Contains(day.Month))) days.Add(day);
        }
        return days;
    }

    private static List<DateTime> InMonth(RecurrenceRule rule, DateTime first, DateTime monthStart) =>
        rule.ByMonth.Count > 0 && !rule.ByMonth.Contains(monthStart.Month) ? [] : MonthDays(rule, first.Day, monthStart);

    private static List<DateTime> Year(RecurrenceRule rule, DateTime first, DateTime yearStart)
    {
        var yearDays = rule.Weekdays.Count > 0 && rule.ByMonth.Count == 0 && rule.ByMonthDay.Count == 0;
        if (yearDays) return OfWeekdays(rule.Weekdays, yearStart, yearStart.AddYears(1));
        IEnumerable<int> months = rule.ByMonth.Count > 0 ? rule.ByMonth.Order()
            : rule.ByMonthDay.Count > 0 ? Enumerable.Range(1, 12) : [first.Month];
        return months.SelectMany(m => MonthDays(rule, first.Day, new DateTime(yearStart.Year, m, 1))).ToList();
    }

    /// <summary>A month's days by BYMONTHDAY and BYDAY (the first day's date when neither is given).</summary>
    private static List<DateTime> MonthDays(RecurrenceRule rule, int firstDay, DateTime monthStart)
    {
        var length = DateTime.DaysInMonth(monthStart.Year, monthStart.Month);
        if (rule.ByMonthDay.Count > 0)
        {
            return rule.ByMonthDay.Select(d => MonthDay(monthStart.Year, monthStart.Month, d)).Where(d => d > 0).Distinct().Order()
                .Select(d => monthStart.AddDays(d - 1))
                .Where(day => rule.ByDay.Count == 0 || rule.ByDay.Contains(day.DayOfWeek)).ToList();
        }
        if (rule.Weekdays.Count > 0) return OfWeekdays(rule.Weekdays, monthStart, monthStart.AddMonths(1));
        return firstDay <= length ? [monthStart.AddDays(firstDay - 1)] : [];
    }

    /// <summary>The days of [from, to) that BYDAY names: all Tuesdays for TU, the second for 2TU, the last Friday for -1FR.</summary>
    private static List<DateTime> OfWeekdays(IReadOnlyList<RecurrenceWeekday> weekdays, DateTime from, DateTime to)
    {
        var days = new SortedSet<DateTime>();
        foreach (var group in weekdays.GroupBy(w => w.Day))
        {
            var offset = ((int)group.Key - (int)from.DayOfWeek + 7) % 7;
            var all = new List<DateTime>();
            for (var day = from.AddDays(offset); day < to; day = day.AddDays(7)) all.Add(day);
            foreach (var w in group)
            {
                if (w.Ordinal == 0) days.UnionWith(all);
                else if (Math.Abs(w.Ordinal) <= all.Count) days.Add(all[w.Ordinal > 0 ? w.Ordinal - 1 : all.Count + w.Ordinal]);
            }
        }
        return days.ToList();
    }

    /// <summary>The day a BYMONTHDAY value names in a month (−1 is its last day), or 0 when the month has no such day.</summary>
    private static int MonthDay(int year, int month, int value)
    {
        var length = DateTime.DaysInMonth(year, month);
        var day = value > 0 ? value : length + value + 1;
        return day >= 1 && day <= length ? day : 0;
    }

    private static List<DateTime> SetPositions(IReadOnlyList<DateTime> days, IReadOnlyList<int> positions) =>
        positions.Select(p => p > 0 ? p - 1 : days.Count + p).Where(i => i >= 0 && i < days.Count)
            .Select(i => days[i]).Distinct().Order().ToList();
}
