using SyncDashboard.Core.Common;

namespace SyncDashboard.Core.Events;

/// <summary>
/// The time arithmetic behind "upcoming": which instants a day count covers in the user's zone, and where an
/// event sits on that line. All-day events are dates, so they begin and end at the user's local midnight.
/// </summary>
public static class UpcomingWindow
{
    /// <summary><c>days = 0</c>: from now to the end of today (local); otherwise now plus <paramref name="days"/> × 24 h.</summary>
    public static (DateTime FromUtc, DateTime ToUtc) For(DateTimeOffset now, int days, TimeZoneInfo zone)
    {
        var from = now.UtcDateTime;
        if (days > 0) return (from, from.AddDays(days));
        var local = TimeZoneInfo.ConvertTime(now, zone);
        return (from, LocalMidnightToUtc(local.Date.AddDays(1), zone));
    }

    /// <summary>The instants an event occupies for a viewer in <paramref name="zone"/>.</summary>
    public static (DateTime StartUtc, DateTime EndUtc) Occupies(DateTime start, DateTime end, bool isAllDay, TimeZoneInfo zone) =>
        isAllDay ? (LocalMidnightToUtc(start.Date, zone), LocalMidnightToUtc(end.Date, zone)) : (start, end);

    public static bool Overlaps(DateTime start, DateTime end, bool isAllDay, TimeZoneInfo zone, DateTime fromUtc, DateTime toUtc)
    {
        var (s, e) = Occupies(start, end, isAllDay, zone);
        return s < toUtc && e > fromUtc;
    }

    public static TimeZoneInfo FindZone(string? id) =>
        id is not null && TimeZoneInfo.TryFindSystemTimeZoneById(id, out var tz) ? tz : TimeZoneInfo.Utc;

    // A midnight skipped by a DST jump (e.g. America/Santiago) does not exist; the day starts when the clocks jump.
    private static DateTime LocalMidnightToUtc(DateTime localDate, TimeZoneInfo zone) => ZonedTime.ToUtc(localDate, zone);
}
