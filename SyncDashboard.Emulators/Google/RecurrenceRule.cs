using System.Globalization;

namespace SyncDashboard.Emulators.Google;

/// <summary>The subset of RFC 5545 recurrence the emulator expands: RRULE FREQ/INTERVAL/COUNT/UNTIL/BYDAY plus EXDATE.</summary>
public sealed record RecurrenceRule(
    string Freq, int Interval, int? Count, DateTimeOffset? UntilUtc, DateOnly? UntilDate,
    IReadOnlyList<DayOfWeek> ByDay, IReadOnlyList<string> ExDates)
{
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
        var byDay = new List<DayOfWeek>();
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
                    foreach (var d in value.Split(','))
                    {
                        byDay.Add(Days.TryGetValue(d.Trim().ToUpperInvariant(), out var day) ? day : throw Bad());
                    }
                    break;
                case "WKST": break;
                default: throw Bad();
            }
        }
        if (freq is not ("DAILY" or "WEEKLY" or "MONTHLY" or "YEARLY") || (count is not null && (untilUtc ?? (object?)untilDate) is not null))
        {
            throw Bad();
        }
        return new RecurrenceRule(freq, interval, count, untilUtc, untilDate, byDay, []);
    }

    private static GoogleApiException Bad() => GoogleApiException.Invalid("Invalid recurrence rule.");

    /// <summary>Local start times of the series, in order, from the first instance on (the first is always <paramref name="first"/>).</summary>
    public IEnumerable<DateTime> LocalStarts(DateTime first)
    {
        for (long period = 0; period < 100_000; period++)
        {
            foreach (var candidate in Period(first, period))
            {
                if (candidate >= first)
                {
                    yield return candidate;
                }
            }
        }
    }

    private IEnumerable<DateTime> Period(DateTime first, long period)
    {
        var step = (int)(period * Interval);
        switch (Freq)
        {
            case "DAILY":
                yield return first.AddDays(step);
                break;
            case "WEEKLY" when ByDay.Count > 0:
                var monday = first.Date.AddDays(-(((int)first.DayOfWeek + 6) % 7)).AddDays(7L * step);
                foreach (var day in ByDay.OrderBy(d => ((int)d + 6) % 7))
                {
                    yield return monday.AddDays(((int)day + 6) % 7) + first.TimeOfDay;
                }
                break;
            case "WEEKLY":
                yield return first.AddDays(7L * step);
                break;
            case "MONTHLY":
                var month = first.AddMonths(step);
                if (month.Day == first.Day) { yield return month; } // RFC 5545: skip months without that day
                break;
            default:
                var year = first.AddYears(step);
                if (year.Day == first.Day) { yield return year; }
                break;
        }
    }
}
