using System.Globalization;

namespace SyncDashboard.Core.Events;

/// <summary>
/// Expands a series' RRULE into the occurrences that overlap a window, in the event's own zone (so 09:00 stays
/// 09:00 across DST). Covers FREQ DAILY/WEEKLY/MONTHLY/YEARLY with INTERVAL, COUNT, UNTIL, weekly BYDAY and EXDATE;
/// other parts are kept intact on the event and ignored here, which shows the series' first pattern only.
/// </summary>
public static class RecurrenceExpander
{
    /// <summary>Occurrences returned per call, and candidates examined (a daily rule from years back stays cheap).</summary>
    private const int MaxOccurrences = 1000;
    private const int MaxIterations = 50_000;

    public static IEnumerable<(DateTime Start, DateTime End)> Occurrences(
        DateTime start, DateTime end, bool allDay, string? timeZone, string recurrence, DateTime fromUtc, DateTime toUtc)
    {
        var rule = recurrence.Split('\n').Select(l => l.Trim()).FirstOrDefault(l => l.StartsWith("RRULE:", StringComparison.Ordinal));
        if (rule is null) { yield return (start, end); yield break; }
        var parts = rule["RRULE:".Length..].Split(';', StringSplitOptions.RemoveEmptyEntries)
            .Select(p => p.Split('=', 2)).Where(p => p.Length == 2).ToDictionary(p => p[0].ToUpperInvariant(), p => p[1]);
        var zone = allDay ? TimeZoneInfo.Utc : UpcomingWindow.FindZone(timeZone);
        var exdates = ExDates(recurrence, zone);
        var duration = end - start;
        var localStart = allDay ? start : TimeZoneInfo.ConvertTimeFromUtc(start, zone);
        var interval = parts.TryGetValue("INTERVAL", out var i) && int.TryParse(i, out var n) && n > 0 ? n : 1;
        int? count = parts.TryGetValue("COUNT", out var c) && int.TryParse(c, out var cn) ? cn : null;
        DateTime? until = parts.TryGetValue("UNTIL", out var u) ? ParseUtc(u) : null;
        var freq = parts.GetValueOrDefault("FREQ", "DAILY");
        var byDay = freq == "WEEKLY" && parts.TryGetValue("BYDAY", out var bd)
            ? bd.Split(',').Select(ToDay).Where(d => d is not null).Select(d => d!.Value).ToHashSet()
            : null;

        int produced = 0, returned = 0;
        foreach (var local in Candidates(localStart, freq, interval, byDay).Take(MaxIterations))
        {
            if (returned >= MaxOccurrences || (count is { } max && produced >= max)) yield break;
            var occurrenceStart = allDay ? local : ToUtc(local, zone);
            if (until is { } limit && occurrenceStart > limit) yield break;
            if (occurrenceStart >= toUtc.AddDays(1)) yield break;
            produced++;
            if (exdates.Contains(occurrenceStart)) continue;
            var occurrenceEnd = occurrenceStart + duration;
            if (occurrenceStart < toUtc.AddDays(1) && occurrenceEnd > fromUtc.AddDays(-1))
            {
                returned++;
                yield return (occurrenceStart, occurrenceEnd);
            }
        }
    }

    private static IEnumerable<DateTime> Candidates(DateTime first, string freq, int interval, HashSet<DayOfWeek>? byDay)
    {
        var weekStart = first.Date.AddDays(-(int)first.DayOfWeek);
        for (var k = 0; ; k++)
        {
            if (byDay is { Count: > 0 })
            {
                for (var d = 0; d < 7; d++)
                {
                    var day = weekStart.AddDays(k * interval * 7 + d);
                    if (day >= first.Date && byDay.Contains(day.DayOfWeek)) yield return day + first.TimeOfDay;
                }
                continue;
            }
            yield return freq switch
            {
                "WEEKLY" => first.AddDays(7 * interval * k),
                "MONTHLY" => first.AddMonths(interval * k),
                "YEARLY" => first.AddYears(interval * k),
                _ => first.AddDays(interval * k),
            };
        }
    }

    private static HashSet<DateTime> ExDates(string recurrence, TimeZoneInfo zone) =>
        recurrence.Split('\n').Select(l => l.Trim()).Where(l => l.StartsWith("EXDATE", StringComparison.Ordinal))
            .SelectMany(l => l[(l.IndexOf(':') + 1)..].Split(','))
            .Select(v => v.EndsWith('Z') ? ParseUtc(v) : ParseLocal(v) is { } local ? ToUtc(local, zone) : (DateTime?)null)
            .Where(d => d is not null).Select(d => d!.Value).ToHashSet();

    private static DateTime? ParseUtc(string v) =>
        DateTime.TryParseExact(v, ["yyyyMMdd'T'HHmmss'Z'", "yyyyMMdd"], CultureInfo.InvariantCulture,
            DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var d) ? DateTime.SpecifyKind(d, DateTimeKind.Utc) : null;

    private static DateTime? ParseLocal(string v) =>
        DateTime.TryParseExact(v, ["yyyyMMdd'T'HHmmss", "yyyyMMdd"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : null;

    private static DateTime ToUtc(DateTime local, TimeZoneInfo zone)
    {
        var unspecified = DateTime.SpecifyKind(local, DateTimeKind.Unspecified);
        while (zone.IsInvalidTime(unspecified)) unspecified = unspecified.AddHours(1);
        return TimeZoneInfo.ConvertTimeToUtc(unspecified, zone);
    }

    private static DayOfWeek? ToDay(string code) => (code.Trim() is { Length: >= 2 } t ? t[^2..] : "") switch
    {
        "SU" => DayOfWeek.Sunday, "MO" => DayOfWeek.Monday, "TU" => DayOfWeek.Tuesday, "WE" => DayOfWeek.Wednesday,
        "TH" => DayOfWeek.Thursday, "FR" => DayOfWeek.Friday, "SA" => DayOfWeek.Saturday, _ => null,
    };
}
