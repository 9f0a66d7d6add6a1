using System.Globalization;
using SyncDashboard.Core.Domain;

namespace SyncDashboard.Core.Events;

/// <summary>
/// "This and following" as Google's own clients write it: the series gets an UNTIL just before the chosen occurrence,
/// and a new series starts there with the rest of the rule (a COUNT keeps only the occurrences still to come).
/// </summary>
public static class SeriesSplit
{
    /// <summary>The series' lines ended before <paramref name="occurrence"/>, and how many occurrences it keeps.</summary>
    public static (string Recurrence, int Kept) EndBefore(CalendarEvent series, DateTime occurrence)
    {
        var kept = RecurrenceExpander
            .Occurrences(series.Start, series.End, series.IsAllDay, series.TimeZone, series.Recurrence!, series.Start, occurrence)
            .Count(o => o.Start < occurrence);
        // UNTIL is inclusive: the day before for an all-day series, one second before for a timed one (in UTC, as Google writes it).
        var until = series.IsAllDay
            ? occurrence.AddDays(-1).ToString("yyyyMMdd", CultureInfo.InvariantCulture)
            : occurrence.AddSeconds(-1).ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);
        return (WithRuleParts(series.Recurrence!, parts => parts.Where(p => !IsEnd(p)).Append("UNTIL=" + until)), kept);
    }

    /// <summary>
    /// The rule of the series that continues after a split: when it is the original rule with a COUNT, the count loses the
    /// occurrences the first part kept (null when none is left: the new part is a single event).
    /// </summary>
    public static string? Continue(string? rule, string originalRule, int kept)
    {
        if (rule is null || Normalize(rule) != Normalize(originalRule)) return rule;
        var count = RulePart(rule, "COUNT");
        if (count is null || !int.TryParse(count, NumberStyles.None, CultureInfo.InvariantCulture, out var n)) return rule;
        return n - kept <= 1 ? null
            : WithRuleParts(rule, parts => parts.Select(p => p.StartsWith("COUNT=", StringComparison.OrdinalIgnoreCase) ? $"COUNT={n - kept}" : p));
    }

    private static bool IsEnd(string part) =>
        part.StartsWith("COUNT=", StringComparison.OrdinalIgnoreCase) || part.StartsWith("UNTIL=", StringComparison.OrdinalIgnoreCase);

    private static string? RulePart(string recurrence, string name) =>
        RuleLine(recurrence)?[6..].Split(';').Select(p => p.Split('=', 2)).FirstOrDefault(kv => kv.Length == 2 && kv[0].Trim().Equals(name, StringComparison.OrdinalIgnoreCase))?[1].Trim();

    private static string? RuleLine(string recurrence) =>
        Lines(recurrence).FirstOrDefault(l => l.StartsWith("RRULE:", StringComparison.OrdinalIgnoreCase));

    private static string WithRuleParts(string recurrence, Func<IEnumerable<string>, IEnumerable<string>> change) =>
        string.Join('\n', Lines(recurrence).Select(l => l.StartsWith("RRULE:", StringComparison.OrdinalIgnoreCase)
            ? "RRULE:" + string.Join(';', change(l[6..].Split(';', StringSplitOptions.RemoveEmptyEntries).Select(p => p.Trim())))
            : l));

    private static IEnumerable<string> Lines(string recurrence) =>
        recurrence.Replace("\r", "").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    private static string Normalize(string recurrence) => string.Join('\n', Lines(recurrence)).ToUpperInvariant();
}
