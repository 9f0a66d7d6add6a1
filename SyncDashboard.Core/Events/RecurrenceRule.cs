using System.Globalization;

namespace SyncDashboard.Core.Events;

/// <summary>A DATE or DATE-TIME value of an RRULE's UNTIL or an EXDATE: a day, a UTC instant, or a floating local time.</summary>
public sealed record RecurrenceDate(DateTime Value, bool IsUtc, bool IsDate);

/// <summary>A BYDAY entry: every such day of the period (<paramref name="Ordinal"/> 0), or the nth (2TU) or nth-from-last (-1FR).</summary>
public sealed record RecurrenceWeekday(int Ordinal, DayOfWeek Day);

/// <summary>
/// A series' recurrence lines checked against what the app can expand without surprises: one RRULE with FREQ
/// DAILY/WEEKLY/MONTHLY/YEARLY, INTERVAL and COUNT within <see cref="EventLimits"/>, an UNTIL in range, BYxxx lists that
/// are well formed and can match some day, and EXRULE/RDATE/EXDATE lines with valid dates. The app refuses anything
/// else as input; a series arriving from outside with a <see cref="ProblemWith">problem</see> is kept as it came and
/// shown once. Parts the expander does not use (BYHOUR, BYWEEKNO, BYYEARDAY, …) are checked here and carried through intact.
/// </summary>
public sealed record RecurrenceRule(
    string Freq, int Interval, int? Count, RecurrenceDate? Until,
    IReadOnlySet<DayOfWeek> ByDay, IReadOnlyList<RecurrenceDate> ExDates)
{
    /// <summary>BYDAY with its ordinals (<see cref="ByDay"/> holds the days alone).</summary>
    public IReadOnlyList<RecurrenceWeekday> Weekdays { get; init; } = [];
    public IReadOnlyList<int> ByMonthDay { get; init; } = [];
    public IReadOnlyList<int> ByMonth { get; init; } = [];
    public IReadOnlyList<int> BySetPos { get; init; } = [];
    /// <summary>WKST: where a week begins for WEEKLY with INTERVAL above 1 (RFC 5545's default is Monday).</summary>
    public DayOfWeek WeekStart { get; init; } = DayOfWeek.Monday;

    private static readonly HashSet<string> Parts =
        ["FREQ", "INTERVAL", "COUNT", "UNTIL", "BYSECOND", "BYMINUTE", "BYHOUR", "BYDAY", "BYMONTHDAY", "BYYEARDAY", "BYWEEKNO", "BYMONTH", "BYSETPOS", "WKST"];

    private static readonly Dictionary<string, DayOfWeek> Days = new(StringComparer.Ordinal)
    {
        ["SU"] = DayOfWeek.Sunday, ["MO"] = DayOfWeek.Monday, ["TU"] = DayOfWeek.Tuesday, ["WE"] = DayOfWeek.Wednesday,
        ["TH"] = DayOfWeek.Thursday, ["FR"] = DayOfWeek.Friday, ["SA"] = DayOfWeek.Saturday,
    };

    /// <summary>Why the app cannot expand these lines, or null when it can (or there is nothing to expand).</summary>
    public static string? ProblemWith(string? recurrence)
    {
        Parse(recurrence, out var problem);
        return problem;
    }

    /// <summary>The series' RRULE, or null when there is none or the lines have a <paramref name="problem"/>.</summary>
    public static RecurrenceRule? Parse(string? recurrence, out string? problem)
    {
        problem = null;
        if (string.IsNullOrWhiteSpace(recurrence)) return null;
        try
        {
            return ParseLines(recurrence);
        }
        catch (RuleProblem p)
        {
            problem = p.Message.Length <= EventLimits.RecurrenceProblemMax ? p.Message : p.Message[..EventLimits.RecurrenceProblemMax];
            return null;
        }
    }

    private static RecurrenceRule? ParseLines(string recurrence)
    {
        if (recurrence.Length > EventLimits.RecurrenceMax)
            throw new RuleProblem($"Recurrence must be at most {EventLimits.RecurrenceMax} characters.");
        RecurrenceRule? rule = null;
        var exDates = new List<RecurrenceDate>();
        foreach (var raw in recurrence.Replace("\r", "").Split('\n'))
        {
            var line = raw.Trim();
            var colon = line.IndexOf(':');
            var name = (colon > 0 ? line[..colon].Split(';')[0] : "").ToUpperInvariant();
            var value = colon > 0 ? line[(colon + 1)..] : "";
            switch (name)
            {
                case "RRULE" when rule is not null: throw new RuleProblem("Only one RRULE line is supported.");
                case "RRULE": rule = ParseRule(value, name); break;
                case "EXRULE": ParseRule(value, name); break; // deprecated by RFC 5545 and not applied, but it must be sound
                case "EXDATE": exDates.AddRange(value.Split(',').Select(v => ParseDate(v, name))); break;
                case "RDATE": foreach (var v in value.Split(',')) ParseDate(v.Split('/')[0], name); break; // a PERIOD's start
                default: throw new RuleProblem("Recurrence lines must start with RRULE:, EXRULE:, RDATE: or EXDATE:.");
            }
        }
        return rule is null ? null : rule with { ExDates = exDates };
    }

    private static RecurrenceRule ParseRule(string text, string line)
    {
        var parts = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var part in text.Split(';', StringSplitOptions.RemoveEmptyEntries))
        {
            var kv = part.Split('=', 2);
            if (kv.Length != 2 || kv[1].Trim().Length == 0) throw new RuleProblem($"{line} part '{Clip(part)}' is not NAME=VALUE.");
            var key = kv[0].Trim().ToUpperInvariant();
            if (!Parts.Contains(key)) throw new RuleProblem($"{line} part {Clip(key)} is not supported.");
            if (!parts.TryAdd(key, kv[1].Trim().ToUpperInvariant())) throw new RuleProblem($"{line} gives {key} twice.");
        }

        var freq = parts.GetValueOrDefault("FREQ") ?? throw new RuleProblem($"{line} needs FREQ.");
        if (freq is "SECONDLY" or "MINUTELY" or "HOURLY")
            throw new RuleProblem($"FREQ={freq} is not supported; use DAILY, WEEKLY, MONTHLY or YEARLY.");
        if (freq is not ("DAILY" or "WEEKLY" or "MONTHLY" or "YEARLY"))
            throw new RuleProblem("FREQ must be DAILY, WEEKLY, MONTHLY or YEARLY.");
        var interval = PositiveNumber(parts, "INTERVAL", EventLimits.RecurrenceIntervalMax) ?? 1;
        var count = PositiveNumber(parts, "COUNT", EventLimits.RecurrenceCountMax);
        var until = parts.TryGetValue("UNTIL", out var u) ? ParseDate(u, "UNTIL") : null;
        if (count is not null && until is not null) throw new RuleProblem("COUNT and UNTIL cannot both be given.");

        var weekdays = WeekDays(parts, freq);
        var months = Numbers(parts, "BYMONTH", 1, 12, signed: false);
        var monthDays = Numbers(parts, "BYMONTHDAY", 1, 31, signed: true);
        var yearDays = Numbers(parts, "BYYEARDAY", 1, 366, signed: true);
        var weekNumbers = Numbers(parts, "BYWEEKNO", 1, 53, signed: true);
        Numbers(parts, "BYHOUR", 0, 23, signed: false);
        Numbers(parts, "BYMINUTE", 0, 59, signed: false);
        Numbers(parts, "BYSECOND", 0, 60, signed: false);
        var setPositions = Numbers(parts, "BYSETPOS", 1, 366, signed: true);
        if (parts.TryGetValue("WKST", out var wkst) && !Days.ContainsKey(wkst)) throw new RuleProblem("WKST must be a day: MO, TU, WE, TH, FR, SA or SU.");

        // RFC 5545's combinations, and lists that can never meet: a full expander would search for them forever.
        if (monthDays is not null && freq == "WEEKLY") throw new RuleProblem("BYMONTHDAY cannot be used with FREQ=WEEKLY.");
        if (yearDays is not null && freq != "YEARLY") throw new RuleProblem("BYYEARDAY needs FREQ=YEARLY.");
        if (weekNumbers is not null && freq != "YEARLY") throw new RuleProblem("BYWEEKNO needs FREQ=YEARLY.");
        if (setPositions is not null && parts.Keys.Count(k => k.StartsWith("BY", StringComparison.Ordinal)) == 1)
            throw new RuleProblem("BYSETPOS needs another BYxxx part.");
        if (months is not null && monthDays is not null && !months.Any(m => monthDays.Any(d => Math.Abs(d) <= DaysIn(m))))
            throw new RuleProblem("BYMONTH and BYMONTHDAY never meet (such as 30 February).");
        if (months is not null && yearDays is not null && !yearDays.Any(d => months.Contains(MonthOfYearDay(d, 2023)) || months.Contains(MonthOfYearDay(d, 2024))))
            throw new RuleProblem("BYMONTH and BYYEARDAY never meet.");

        return new RecurrenceRule(freq, interval, count, until, weekdays.Select(w => w.Day).ToHashSet(), [])
        {
            Weekdays = weekdays, ByMonthDay = monthDays ?? [], ByMonth = months ?? [], BySetPos = setPositions ?? [],
            WeekStart = wkst is null ? DayOfWeek.Monday : Days[wkst],
        };
    }

    private static List<RecurrenceWeekday> WeekDays(Dictionary<string, string> parts, string freq)
    {
        var days = new List<RecurrenceWeekday>();
        if (!parts.TryGetValue("BYDAY", out var list)) return days;
        foreach (var entry in list.Split(','))
        {
            var e = entry.Trim();
            if (e.Length < 2 || !Days.TryGetValue(e[^2..], out var day)) throw new RuleProblem($"BYDAY entry '{Clip(e)}' is not a day such as MO or 2TU.");
            var ordinal = e[..^2];
            var number = 0;
            if (ordinal.Length > 0)
            {
                if (!int.TryParse(ordinal, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var n) || n == 0 || Math.Abs(n) > 53)
                    throw new RuleProblem($"BYDAY entry '{Clip(e)}' needs a number from 1 to 53 (or -1 to -53) before the day.");
                if (freq is not ("MONTHLY" or "YEARLY")) throw new RuleProblem("BYDAY with a number (such as 2TU) needs FREQ=MONTHLY or YEARLY.");
                if (freq == "MONTHLY" && Math.Abs(n) > 5) throw new RuleProblem($"BYDAY entry '{Clip(e)}' never occurs: a month has at most 5 of each day.");
                number = n;
            }
            days.Add(new RecurrenceWeekday(number, day));
        }
        return days;
    }

    private static int? PositiveNumber(Dictionary<string, string> parts, string key, int max) =>
        !parts.TryGetValue(key, out var v) ? null
        : int.TryParse(v, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n >= 1 && n <= max ? n
        : throw new RuleProblem($"{key} must be a whole number from 1 to {max}.");

    private static List<int>? Numbers(Dictionary<string, string> parts, string key, int min, int max, bool signed)
    {
        if (!parts.TryGetValue(key, out var list)) return null;
        var range = signed ? $"{min} to {max} or -{min} to -{max}" : $"{min} to {max}";
        return list.Split(',').Select(v =>
            int.TryParse(v.Trim(), signed ? NumberStyles.AllowLeadingSign : NumberStyles.None, CultureInfo.InvariantCulture, out var n)
            && Math.Abs(n) >= min && Math.Abs(n) <= max && (n >= 0 || signed)
                ? n : throw new RuleProblem($"{key} values must be from {range}.")).ToList();
    }

    private static RecurrenceDate ParseDate(string value, string part)
    {
        var v = value.Trim();
        RecurrenceDate? date =
            TryExact(v, "yyyyMMdd'T'HHmmss'Z'", out var utc) ? new RecurrenceDate(DateTime.SpecifyKind(utc, DateTimeKind.Utc), true, false)
            : TryExact(v, "yyyyMMdd'T'HHmmss", out var local) ? new RecurrenceDate(local, false, false)
            : TryExact(v, "yyyyMMdd", out var day) ? new RecurrenceDate(day, false, true)
            : null;
        if (date is null) throw new RuleProblem($"{part} value '{Clip(v)}' is not a date such as 20261130 or 20261130T090000Z.");
        if (!EventLimits.InRange(date.Value)) throw new RuleProblem($"{part} dates must be {EventLimits.RangeText}.");
        return date;
    }

    private static bool TryExact(string v, string format, out DateTime d) =>
        DateTime.TryParseExact(v, format, CultureInfo.InvariantCulture, DateTimeStyles.None, out d);

    private static int DaysIn(int month) => month == 2 ? 29 : DateTime.DaysInMonth(2023, month);

    private static int MonthOfYearDay(int day, int year)
    {
        var length = DateTime.IsLeapYear(year) ? 366 : 365;
        var index = day > 0 ? day : length + day + 1;
        return index > length ? 0 : new DateTime(year, 1, 1).AddDays(index - 1).Month;
    }

    private static string Clip(string s) => s.Length <= 24 ? s : s[..24] + "…";

    private sealed class RuleProblem(string message) : Exception(message);
}
