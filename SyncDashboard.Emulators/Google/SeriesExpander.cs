using System.Globalization;
using SyncDashboard.Emulators.Google.Wire;

namespace SyncDashboard.Emulators.Google;

/// <summary>One instance a series rule produces, before exceptions are applied.</summary>
public sealed record Occurrence(
    string InstanceId, EventDateTime OriginalStart, EventDateTime Start, EventDateTime End,
    DateTimeOffset StartInstant, DateTimeOffset EndInstant);

/// <summary>
/// Expands a series master into instances in the event's own time zone (so a DST-crossing weekly
/// meeting stays at 09:00 local), with Google's instance ids <c>{id}_{yyyyMMddTHHmmssZ}</c> or <c>{id}_{yyyyMMdd}</c>.
/// </summary>
public static class SeriesExpander
{
    public static IEnumerable<Occurrence> Expand(GoogleEvent master, TimeZoneInfo calendarZone,
        DateTimeOffset? horizon, int limit)
    {
        var rule = RecurrenceRule.Parse(master.Recurrence!);
        var start = master.Start!;
        var end = master.End!;
        var allDay = start.Date is not null;
        var zone = allDay || start.TimeZone is null ? calendarZone : EventTimes.Zone(start.TimeZone);
        var endZone = end.TimeZone is null ? zone : EventTimes.Zone(end.TimeZone, "end");
        var firstInstant = EventTimes.Instant(start, zone);
        var duration = EventTimes.Instant(end, zone) - firstInstant;
        var days = allDay ? EventTimes.ParseDate(end.Date!, "end").DayNumber - EventTimes.ParseDate(start.Date!, "start").DayNumber : 0;
        var firstLocal = TimeZoneInfo.ConvertTime(firstInstant, zone).DateTime;
        var (exInstants, exDates) = ExDates(rule, zone);

        var produced = 0;
        var yielded = 0;
        foreach (var local in rule.LocalStarts(firstLocal))
        {
            var instant = EventTimes.FromLocal(local, zone);
            if ((rule.Count is { } count && produced >= count)
                || (rule.UntilDate is { } untilDate && DateOnly.FromDateTime(local) > untilDate)
                || (rule.UntilUtc is { } untilUtc && instant > untilUtc)
                || (horizon is { } h && instant >= h)
                || yielded >= limit)
            {
                yield break;
            }
            produced++;
            if (exInstants.Contains(instant) || exDates.Contains(DateOnly.FromDateTime(local)))
            {
                continue;
            }
            yielded++;
            if (allDay)
            {
                var date = DateOnly.FromDateTime(local);
                var s = new EventDateTime(Date: Iso(date));
                yield return new Occurrence($"{master.Id}_{date:yyyyMMdd}", s, s,
                    new EventDateTime(Date: Iso(date.AddDays(days))), instant, instant.AddDays(days));
            }
            else
            {
                var s = new EventDateTime(DateTime: EventTimes.Format(instant, zone), TimeZone: start.TimeZone);
                var e = new EventDateTime(DateTime: EventTimes.Format(instant + duration, endZone), TimeZone: end.TimeZone);
                var suffix = instant.UtcDateTime.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);
                yield return new Occurrence($"{master.Id}_{suffix}", s, s, e, instant, instant + duration);
            }
        }
    }

    private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static (HashSet<DateTimeOffset>, HashSet<DateOnly>) ExDates(RecurrenceRule rule, TimeZoneInfo zone)
    {
        var instants = new HashSet<DateTimeOffset>();
        var dates = new HashSet<DateOnly>();
        foreach (var raw in rule.ExDates)
        {
            var value = raw.Trim();
            if (DateOnly.TryParseExact(value, "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d))
            {
                dates.Add(d);
            }
            else if (DateTimeOffset.TryParseExact(value, "yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture,
                         DateTimeStyles.AssumeUniversal, out var utc))
            {
                instants.Add(utc);
            }
            else if (DateTime.TryParseExact(value, "yyyyMMdd'T'HHmmss", CultureInfo.InvariantCulture,
                         DateTimeStyles.None, out var local))
            {
                instants.Add(EventTimes.FromLocal(local, zone));
            }
        }
        return (instants, dates);
    }
}
