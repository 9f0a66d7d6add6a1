using System.Globalization;
using SyncDashboard.Core.Events;

namespace SyncDashboard.Core.Formatting;

/// <summary>A series' rule in words, or <see cref="IsRawRule">the rule's own text</see> when it has no plain reading.</summary>
public sealed record RecurrenceDescription(string Text, bool IsRawRule)
{
    /// <summary>The words to follow "Repeats: " (lower-cased first letter); the raw rule stays as written.</summary>
    public string AfterColon => IsRawRule || Text.Length == 0 ? Text : char.ToLowerInvariant(Text[0]) + Text[1..];
}

/// <summary>
/// Turns an RRULE (with its EXDATE lines) into English: "Every week on Monday and Wednesday, 8 times", "Every 2 days
/// until 31 Dec 2026", "Monthly on the 3rd Tuesday", "Every year on 5 Mar", "Every weekday". Dates and day names come
/// from the <see cref="DateTimeFormatter"/>, like every other date the user reads; the phrases are English like the rest
/// of the UI (ADR 0013). A rule with parts that have no short plain reading (BYHOUR, BYWEEKNO, several ordinals…) or one
/// that does not parse is shown as its text, clipped: a wrong sentence would be worse than the rule itself.
/// </summary>
public static class RecurrenceDescriber
{
    /// <summary>The raw rule is clipped to this many characters, so a hostile rule cannot flood the editor.</summary>
    public const int RawMax = 200;

    private static readonly DayOfWeek[] Weekdays = [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday];

    private static readonly Dictionary<string, DayOfWeek> DayCodes = new(StringComparer.Ordinal)
    {
        ["SU"] = DayOfWeek.Sunday, ["MO"] = DayOfWeek.Monday, ["TU"] = DayOfWeek.Tuesday, ["WE"] = DayOfWeek.Wednesday,
        ["TH"] = DayOfWeek.Thursday, ["FR"] = DayOfWeek.Friday, ["SA"] = DayOfWeek.Saturday,
    };

    /// <param name="recurrence">The event's recurrence lines; null or blank gives null (the event does not repeat).</param>
    /// <param name="firstDay">The series' first day in the user's zone (a weekly rule without BYDAY repeats on its weekday, and so on).</param>
    public static RecurrenceDescription? Describe(string? recurrence, DateOnly firstDay, DateTimeFormatter format)
    {
        if (string.IsNullOrWhiteSpace(recurrence)) return null;
        var rule = RecurrenceRule.Parse(recurrence, out var problem);
        var rruleText = RRuleText(recurrence);
        if (rule is null || problem is not null || rruleText is null) return Raw(recurrence);
        var parts = PartsOf(rruleText);
        var words = Pattern(rule, parts, firstDay, format);
        if (words is null) return Raw(recurrence);
        return new RecurrenceDescription(words + Bounds(rule, format) + Skipped(rule.ExDates.Count), false);
    }

    private static string? Pattern(RecurrenceRule rule, Dictionary<string, string> parts, DateOnly firstDay, DateTimeFormatter format)
    {
        // Parts with no short reading: say the rule as written.
        if (parts.Keys.Any(k => k is "BYHOUR" or "BYMINUTE" or "BYSECOND" or "BYWEEKNO" or "BYYEARDAY")) return null;
        var byDay = List(parts, "BYDAY");
        var monthDays = List(parts, "BYMONTHDAY");
        var months = List(parts, "BYMONTH");
        var setPos = List(parts, "BYSETPOS");
        var n = rule.Interval;
        var culture = format.Culture;

        switch (rule.Freq)
        {
            case "DAILY" when monthDays.Length == 0 && months.Length == 0 && setPos.Length == 0:
                if (byDay.Length == 0) return n == 1 ? "Every day" : $"Every {n} days";
                // "Every day, but only these days" is a weekly rule in other words.
                return n == 1 && PlainDays(byDay) is { } daily ? WeeklyWords(1, daily, format) : null;
            case "WEEKLY" when monthDays.Length == 0 && months.Length == 0 && setPos.Length == 0:
                var days = byDay.Length == 0 ? [firstDay.DayOfWeek] : PlainDays(byDay);
                return days is null ? null : WeeklyWords(n, days, format);
            case "MONTHLY" when months.Length == 0:
                var every = n == 1 ? "Monthly" : $"Every {n} months";
                return OnWhichDay(byDay, monthDays, setPos, firstDay, culture) is { } which ? $"{every} on {which}" : null;
            case "YEARLY":
                var yearly = n == 1 ? "Every year" : $"Every {n} years";
                if (months.Length > 1) return null;
                var month = months.Length == 1 ? int.Parse(months[0], CultureInfo.InvariantCulture) : firstDay.Month;
                if (byDay.Length == 0 && setPos.Length == 0 && monthDays.Length <= 1)
                {
                    var day = monthDays.Length == 1 ? int.Parse(monthDays[0], CultureInfo.InvariantCulture) : firstDay.Day;
                    if (day < 0) return $"{yearly} on the {Ordinal(day)} day of {culture.DateTimeFormat.GetMonthName(month)}";
                    // A day this month never has (30 February) was refused by the parser; 29 February reads as a date.
                    return $"{yearly} on {format.MonthDay(new DateOnly(2024, month, Math.Min(day, DateTime.DaysInMonth(2024, month))))}";
                }
                if (months.Length == 0) return null;
                return OnWhichDay(byDay, monthDays, setPos, firstDay, culture) is { } inMonth
                    ? $"{yearly} on {inMonth} of {culture.DateTimeFormat.GetMonthName(month)}" : null;
            default:
                return null;
        }
    }

    /// <summary>"Every week on Monday and Wednesday", "Every 2 weeks on Friday", "Every weekday", "Every day".</summary>
    private static string WeeklyWords(int interval, IReadOnlyCollection<DayOfWeek> days, DateTimeFormatter format)
    {
        var set = days.ToHashSet();
        if (interval == 1 && set.Count == 7) return "Every day";
        if (interval == 1 && set.SetEquals(Weekdays)) return "Every weekday";
        var ordered = Enumerable.Range(0, 7).Select(i => (DayOfWeek)(((int)format.Preferences.WeekStart + i) % 7)).Where(set.Contains)
            .Select(day => format.Culture.DateTimeFormat.GetDayName(day));
        return $"{(interval == 1 ? "Every week" : $"Every {interval} weeks")} on {Join(ordered.ToList())}";
    }

    /// <summary>
    /// The day of the month: "the 3rd Tuesday", "the last Friday" (BYDAY with a number, or one day with one BYSETPOS),
    /// "the 15th", "the last day", "the 1st and 15th", or the first day's date when the rule names none.
    /// </summary>
    private static string? OnWhichDay(string[] byDay, string[] monthDays, string[] setPos, DateOnly firstDay, CultureInfo culture)
    {
        if (byDay.Length == 1 && monthDays.Length == 0 && setPos.Length <= 1)
        {
            var entry = byDay[0];
            var name = culture.DateTimeFormat.GetDayName(DayCodes[entry[^2..]]);
            var ordinalText = entry[..^2];
            if (ordinalText.Length > 0 && setPos.Length == 1) return null;
            var position = ordinalText.Length > 0 ? ordinalText : setPos.Length == 1 ? setPos[0] : null;
            if (position is null) return $"every {name}";
            var k = int.Parse(position, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
            return Math.Abs(k) > 5 ? null : $"the {Ordinal(k)} {name}";
        }
        if (byDay.Length > 0 || setPos.Length > 0) return null;
        if (monthDays.Length == 0) return $"the {Ordinal(firstDay.Day)}";
        var numbers = monthDays.Select(v => int.Parse(v, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture)).ToList();
        if (numbers.Count == 1 && numbers[0] < 0) return numbers[0] == -1 ? "the last day" : $"the {Ordinal(numbers[0])} day";
        if (numbers.Any(x => x < 0) || numbers.Count > 4) return null;
        return "the " + Join(numbers.Order().Select(Ordinal).ToList());
    }

    /// <summary>", 8 times", ", once", " until 31 Dec 2026" (an UNTIL instant is read as the user's day).</summary>
    private static string Bounds(RecurrenceRule rule, DateTimeFormatter format)
    {
        if (rule.Count is { } count) return count == 1 ? ", once" : $", {count} times";
        if (rule.Until is not { } until) return "";
        var day = until.IsUtc ? format.LocalDate(new DateTimeOffset(until.Value, TimeSpan.Zero)) : DateOnly.FromDateTime(until.Value);
        return $" until {format.DateMedium(day)}";
    }

    private static string Skipped(int exDates) => exDates switch
    {
        0 => "",
        1 => ", except 1 date",
        _ => $", except {exDates} dates",
    };

    /// <summary>Days without numbers, or null when any carries one (2TU has no weekly reading).</summary>
    private static HashSet<DayOfWeek>? PlainDays(string[] byDay)
    {
        var days = new HashSet<DayOfWeek>();
        foreach (var entry in byDay)
        {
            if (entry.Length != 2 || !DayCodes.TryGetValue(entry, out var day)) return null;
            days.Add(day);
        }
        return days;
    }

    /// <summary>1st, 2nd, 3rd, 4th, 11th, 21st; −1 is "last", −2 "second-to-last".</summary>
    private static string Ordinal(int n)
    {
        if (n == -1) return "last";
        if (n < 0) return $"{Ordinal(-n)}-to-last";
        var suffix = (n % 100) is 11 or 12 or 13 ? "th" : (n % 10) switch { 1 => "st", 2 => "nd", 3 => "rd", _ => "th" };
        return n.ToString(CultureInfo.InvariantCulture) + suffix;
    }

    private static string Join(IReadOnlyList<string> items) => items.Count switch
    {
        0 => "",
        1 => items[0],
        _ => string.Join(", ", items.Take(items.Count - 1)) + " and " + items[^1],
    };

    private static string? RRuleText(string recurrence) =>
        recurrence.Replace("\r", "").Split('\n').Select(l => l.Trim())
            .FirstOrDefault(l => l.StartsWith("RRULE:", StringComparison.OrdinalIgnoreCase))?["RRULE:".Length..];

    private static string[] List(Dictionary<string, string> parts, string key) =>
        parts.TryGetValue(key, out var list) ? list.Split(',', StringSplitOptions.TrimEntries) : [];

    /// <summary>The rule's parts, upper-cased as the parser reads them (it has already refused duplicates and junk).</summary>
    private static Dictionary<string, string> PartsOf(string rrule) =>
        rrule.Split(';', StringSplitOptions.RemoveEmptyEntries)
            .Select(p => p.Split('=', 2))
            .ToDictionary(kv => kv[0].Trim().ToUpperInvariant(), kv => kv[1].Trim().ToUpperInvariant(), StringComparer.Ordinal);

    private static RecurrenceDescription Raw(string recurrence)
    {
        var oneLine = string.Join(" ", recurrence.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        // Control characters from a foreign calendar have no business on screen.
        var clean = new string(oneLine.Select(c => char.IsControl(c) ? ' ' : c).ToArray());
        return new RecurrenceDescription(clean.Length <= RawMax ? clean : clean[..RawMax] + "…", true);
    }
}
