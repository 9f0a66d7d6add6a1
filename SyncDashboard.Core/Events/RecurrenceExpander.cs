using SyncDashboard.Core.Common;

namespace SyncDashboard.Core.Events;

/// <summary>
/// Expands a series' RRULE into the occurrences that overlap a window, in the event's own zone (so 09:00 stays
/// 09:00 across DST). Covers FREQ DAILY/WEEKLY/MONTHLY/YEARLY with INTERVAL, COUNT, UNTIL, WKST, BYMONTH, BYMONTHDAY,
/// BYDAY (with ordinals), BYSETPOS (see <see cref="RecurrencePeriods"/>) and EXDATE; COUNT counts occurrences before
/// EXDATE removes any, as RFC 5545 says. BYHOUR, BYMINUTE, BYSECOND, BYWEEKNO and BYYEARDAY are kept intact on the
/// event and ignored here.
/// Whatever is stored, it never throws and its work is bounded: a rule with a <see cref="RecurrenceRule.ProblemWith">problem</see>
/// or an event outside <see cref="EventLimits"/>' years yields the event once, and no series steps past year
/// <see cref="EventLimits.MaxYear"/>.
/// </summary>
public static class RecurrenceExpander
{
    /// <summary>Occurrences returned per call, and candidates examined (a daily rule from years back stays cheap).</summary>
    private const int MaxOccurrences = 1000;
    private const int MaxIterations = 50_000;

    public static IEnumerable<(DateTime Start, DateTime End)> Occurrences(
        DateTime start, DateTime end, bool allDay, string? timeZone, string recurrence, DateTime fromUtc, DateTime toUtc)
    {
        var rule = RecurrenceRule.Parse(recurrence, out _);
        if (rule is null || !EventLimits.InRange(start) || !EventLimits.InRange(end) || end < start) return [(start, end)];
        return Expand(rule, start, end, allDay ? TimeZoneInfo.Utc : UpcomingWindow.FindZone(timeZone), allDay,
            (fromUtc < EventLimits.Earliest ? EventLimits.Earliest : fromUtc).AddDays(-1),
            (toUtc > EventLimits.Latest ? EventLimits.Latest : toUtc).AddDays(1));
    }

    private static IEnumerable<(DateTime Start, DateTime End)> Expand(
        RecurrenceRule rule, DateTime start, DateTime end, TimeZoneInfo zone, bool allDay, DateTime windowFrom, DateTime windowTo)
    {
        var exInstants = rule.ExDates.Where(d => !d.IsDate).Select(d => d.IsUtc ? d.Value : ToUtc(d.Value, zone)).ToHashSet();
        var exDays = rule.ExDates.Where(d => d.IsDate).Select(d => DateOnly.FromDateTime(d.Value)).ToHashSet();
        var duration = end - start;
        var localStart = allDay ? start : TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(start, DateTimeKind.Utc), zone);

        int produced = 0, returned = 0, examined = 0;
        foreach (var local in Candidates(localStart, rule, windowFrom))
        {
            if (++examined > MaxIterations || returned >= MaxOccurrences || (rule.Count is { } max && produced >= max)) yield break;
            if (rule.Until is { IsDate: true } untilDay && local.Date > untilDay.Value) yield break;
            if (rule.Until is { IsDate: false, IsUtc: false } untilLocal && local > untilLocal.Value) yield break;
            var occurrenceStart = allDay ? local : ToUtc(local, zone);
            if (rule.Until is { IsUtc: true } untilUtc && occurrenceStart > untilUtc.Value) yield break;
            if (occurrenceStart >= windowTo) yield break;
            produced++;
            if (exInstants.Contains(occurrenceStart) || exDays.Contains(DateOnly.FromDateTime(local))) continue;
            var occurrenceEnd = occurrenceStart + duration;
            if (occurrenceEnd > windowFrom)
            {
                returned++;
                yield return (occurrenceStart, occurrenceEnd);
            }
        }
    }

    /// <summary>The rule's local start times from <paramref name="first"/> on, in order (a first day the rule does not name is skipped, as Google does).</summary>
    private static IEnumerable<DateTime> Candidates(DateTime first, RecurrenceRule rule, DateTime windowFrom)
    {
        // Without COUNT nothing before the window needs counting: start one period before it (a daily series from 1990
        // viewed today). The period is over-estimated (31-day months, 366-day years) so no occurrence in the window is skipped.
        long k = 0;
        if (rule.Count is null && windowFrom > first)
        {
            var longestStepDays = rule.Interval * rule.Freq switch { "WEEKLY" => 7.0, "MONTHLY" => 31.0, "YEARLY" => 366.0, _ => 1.0 };
            k = Math.Max(0, (long)((windowFrom - first).TotalDays / longestStepDays) - 1);
        }
        for (; RecurrencePeriods.Days(rule, first, k) is { } days; k++)
        {
            foreach (var day in days)
            {
                var local = day + first.TimeOfDay;
                if (local >= first) yield return local;
            }
        }
    }

    private static DateTime ToUtc(DateTime local, TimeZoneInfo zone) => ZonedTime.ToUtc(local, zone);
}
