using System.Globalization;

namespace SyncDashboard.Emulators.Google;

/// <summary>A BYDAY entry: every such day (<paramref name="Nth"/> 0), the nth of its month or year, or the nth from the end when negative.</summary>
public sealed record RuleDay(int Nth, DayOfWeek Day);

/// <summary>
/// The subset of RFC 5545 recurrence the emulator expands: RRULE FREQ/INTERVAL/COUNT/UNTIL/WKST, BYDAY (2TU, -1FR),
/// BYMONTHDAY (-1 is the last day) and BYMONTH, plus EXDATE.
/// </summary>
public sealed record RecurrenceRule(
    string Freq, int Interval, int? Count, DateTimeOffset? UntilUtc, DateOnly? UntilDate,
    IReadOnlyList<RuleDay> ByDay, IReadOnlyList<string> ExDates)
{
    public IReadOnlyList<int> ByMonthDay { get; init; } = [];
    public IReadOnlyList<int> ByMonth { get; init; } = [];
    public DayOfWeek WeekStart { get; init; } = DayOfWeek.Monday;

    private static readonly Dictionary<string, DayOfWeek> Days = new()
    {
        ["MO"] = DayOfWeek.Monday, ["TU"] = DayOfWeek.Tuesday, ["WE"] = DayOfWeek.Wednesday,
        ["TH"] = DayOfWeek.Thursday, ["FR"] = DayOfWeek.Friday, ["SA"] = DayOfWeek.Saturday, ["SU"] = DayOfWeek.Sunday,
    };

    public bool IsOpenEnded => Count is null && UntilUtc is null && UntilDate is null;

    /// <summary>Parses the event's <c>recurrence[]</c>; throws 400 for lines Google would reject.</summary>
    public static RecurrenceRule Parse(IReadOnlyList<string> lines)
    {
        RecurrenceRule? rule = null;
        var exDates = new List<string>();
        foreach (var raw in lines)
        {
            var line = raw.Trim();
            if (line.StartsWith("RRULE:", StringComparison.OrdinalIgnoreCase))
            {
                rule = ParseRRule(line[6..]);
            }
            else if (line.StartsWith("EXDATE", StringComparison.OrdinalIgnoreCase) && line.Contains(':'))
            {
                exDates.AddRange(line[(line.IndexOf(':') + 1)..].Split(',', StringSplitOptions.RemoveEmptyEntries));
            }
            else if (line.StartsWith("DTSTART", StringComparison.OrdinalIgnoreCase)
                     || line.StartsWith("DTEND", StringComparison.OrdinalIgnoreCase)
                     || !(line.StartsWith("RDATE", StringComparison.OrdinalIgnoreCase)
                          || line.StartsWith("EXRULE", StringComparison.OrdinalIgnoreCase)))
            {
                throw GoogleApiException.Invalid("Invalid recurrence rule.");
            }
        }
        return (rule ?? throw GoogleApiException.Invalid("Invalid recurrence rule.")) with { ExDates = exDates };
    }

    private static RecurrenceRule ParseRRule(string text)
    {
        string? freq = null;
        int interval = 1;
        int? count = null;
        DateTimeOffset? untilUtc = null;
        DateOnly? untilDate = null;
        var byDay = new List<RuleDay>();
        var monthDays = new List<int>();
        var months = new List<int>();
        var weekStart = DayOfWeek.Monday;
        foreach (var part in text.Split(';', StringSplitOptions.RemoveEmptyEntries))
        {
            var (name, value) = part.Split('=', 2) is [var n, var v] ? (n.ToUpperInvariant(), v) : throw Bad();
            switch (name)
            {
                case "FREQ": freq = value.ToUpperInvariant(); break;
                case "INTERVAL": interval = int.TryParse(value, out var i) && i > 0 ? i : throw Bad(); break;
                case "COUNT": count = int.TryParse(value, out var c) && c > 0 ? c : throw Bad(); break;
                case "UNTIL":
                    if (value.Length == 8) { untilDate = DateOnly.ParseExact(value, "yyyyMMdd", CultureInfo.InvariantCulture); }
                    else if (DateTimeOffset.TryParseExact(value, "yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture,
                                 DateTimeStyles.AssumeUniversal, out var u)) { untilUtc = u; }
                    else { throw Bad(); }
                    break;
                case "BYDAY":
                    byDay.AddRange(value.Split(',').Select(d => d.Trim().ToUpperInvariant()).Select(d =>
                        d.Length >= 2 && Days.TryGetValue(d[^2..], out var day) && Nth(d[..^2]) is { } nth ? new RuleDay(nth, day) : throw Bad()));
                    break;
                case "BYMONTHDAY":
                    monthDays.AddRange(value.Split(',').Select(v => int.TryParse(v, out var m) && m != 0 && Math.Abs(m) <= 31 ? m : throw Bad()));
                    break;
                case "BYMONTH":
                    months.AddRange(value.Split(',').Select(v => int.TryParse(v, out var m) && m is >= 1 and <= 12 ? m : throw Bad()));
                    break;
                case "WKST": weekStart = Days.TryGetValue(value.ToUpperInvariant(), out var wkst) ? wkst : throw Bad(); break;
                default: throw Bad();
            }
        }
        if (freq is not ("DAILY" or "WEEKLY" or "MONTHLY" or "YEARLY") || (count is not null && (untilUtc ?? (object?)untilDate) is not null))
        {
            throw Bad();
        }
        if (byDay.Any(d => d.Nth != 0) && freq is not ("MONTHLY" or "YEARLY"))
        {
            throw Bad();
        }
        return new RecurrenceRule(freq, interval, count, untilUtc, untilDate, byDay, [])
        {
            ByMonthDay = monthDays, ByMonth = months, WeekStart = weekStart,
        };
    }

    /// <summary>"" is every such day, "2" or "-1" the nth; null when it is no such number.</summary>
    private static int? Nth(string text) =>
        text.Length == 0 ? 0 : int.TryParse(text, out var n) && n != 0 && Math.Abs(n) <= 53 ? n : null;

    private static GoogleApiException Bad() => GoogleApiException.Invalid("Invalid recurrence rule.");

    /// <summary>Local start times of the series, in order, from the first instance on (a first day the rule does not name is skipped).</summary>
    public IEnumerable<DateTime> LocalStarts(DateTime first)
    {
        for (long period = 0; period < 100_000; period++)
        {
            var (from, to) = PeriodBounds(first, period * Interval);
            if (from.Year > 9000)
            {
                yield break;
            }
            // Every day of the period is tried against the rule: slow, plain, and independent of the app's own expander.
            for (var day = from; day < to; day = day.AddDays(1))
            {
                var candidate = day + first.TimeOfDay;
                if (candidate >= first && Includes(day, first))
                {
                    yield return candidate;
                }
            }
        }
    }

    private (DateTime From, DateTime To) PeriodBounds(DateTime first, long steps)
    {
        // Capped so that a huge INTERVAL lands past year 9000 (where LocalStarts stops) instead of past DateTime's end.
        steps = Math.Min(steps, Freq switch { "DAILY" => 7000L * 366, "WEEKLY" => 7000L * 53, "MONTHLY" => 7000L * 12, _ => 7000L });
        var date = first.Date;
        switch (Freq)
        {
            case "DAILY":
                return (date.AddDays(steps), date.AddDays(steps + 1));
            case "WEEKLY":
                var weekStart = date.AddDays(-(((int)date.DayOfWeek - (int)WeekStart + 7) % 7)).AddDays(7 * steps);
                return (weekStart, weekStart.AddDays(7));
            case "MONTHLY":
                var month = new DateTime(date.Year, date.Month, 1).AddMonths((int)steps);
                return (month, month.AddMonths(1));
            default:
                var year = new DateTime(date.Year, 1, 1).AddYears((int)steps);
                return (year, year.AddYears(1));
        }
    }

    /// <summary>Whether a day of its period is one the rule names (the first day's weekday, date or month stand in for absent parts).</summary>
    private bool Includes(DateTime day, DateTime first)
    {
        if (ByMonth.Count > 0 ? !ByMonth.Contains(day.Month) : Freq == "YEARLY" && ByMonthDay.Count == 0 && ByDay.Count == 0 && day.Month != first.Month)
        {
            return false;
        }
        var monthLength = DateTime.DaysInMonth(day.Year, day.Month);
        if (ByMonthDay.Count > 0 && !ByMonthDay.Any(d => d == day.Day || d == day.Day - monthLength - 1))
        {
            return false;
        }
        if (ByDay.Count > 0)
        {
            // The nth counts within the month, or within the year for a yearly rule without BYMONTH.
            var inYear = Freq == "YEARLY" && ByMonth.Count == 0;
            var (index, length) = inYear ? (day.DayOfYear, DateTime.IsLeapYear(day.Year) ? 366 : 365) : (day.Day, monthLength);
            var nth = (index - 1) / 7 + 1;
            var nthFromEnd = -((length - index) / 7 + 1);
            return ByDay.Any(d => d.Day == day.DayOfWeek && (d.Nth == 0 || d.Nth == nth || d.Nth == nthFromEnd));
        }
        return Freq switch
        {
            "WEEKLY" => day.DayOfWeek == first.DayOfWeek,
            "MONTHLY" or "YEARLY" => ByMonthDay.Count > 0 || day.Day == first.Day, // RFC 5545: months without that day are skipped
            _ => true,
        };
    }
}
