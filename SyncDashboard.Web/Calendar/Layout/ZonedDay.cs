using SyncDashboard.Core.Common;

namespace SyncDashboard.Web.Calendar.Layout;

/// <summary>
/// A local date in the viewer's zone as a stretch of real time. Most days are 1440 minutes; a spring-forward day is
/// 1380 and a fall-back day 1500. The grid is drawn in wall-clock minutes (an hour label at 03:00 is 180 minutes
/// down on every day of the week), so instants are placed by their local clock reading, not by time elapsed since
/// midnight — on a spring-forward day 03:00 sits at 180 although only 120 minutes have passed.
/// </summary>
internal readonly record struct ZonedDay(DateOnly Date, DateTimeOffset StartUtc, DateTimeOffset EndUtc, TimeZoneInfo Zone)
{
    public const double GridMinutes = 24 * 60;

    public static ZonedDay Of(DateOnly date, TimeZoneInfo zone) =>
        // A midnight skipped by a DST jump (America/Santiago) does not exist: the day starts when the clocks jump.
        new(date, ZonedTime.ToUtcOffset(date.ToDateTime(TimeOnly.MinValue), zone),
            ZonedTime.ToUtcOffset(date.AddDays(1).ToDateTime(TimeOnly.MinValue), zone), zone);

    public double LengthMinutes => (EndUtc - StartUtc).TotalMinutes;

    public bool Contains(DateTimeOffset instant) => instant >= StartUtc && instant < EndUtc;

    /// <summary>The instant's wall-clock reading as minutes after this day's midnight, clamped to the grid (0–1440).</summary>
    public double WallMinutes(DateTimeOffset instant)
    {
        if (instant >= EndUtc) return GridMinutes;
        var local = TimeZoneInfo.ConvertTime(instant < StartUtc ? StartUtc : instant, Zone).DateTime;
        return Math.Clamp((local - Date.ToDateTime(TimeOnly.MinValue)).TotalMinutes, 0, GridMinutes);
    }

    /// <summary>
    /// Where an item ending at <paramref name="instant"/> ends on the grid: read with the offset in force just before
    /// it, so an event ending as the clocks fall back (02:00 EDT, which the clock shows as 01:00 EST) ends at 120.
    /// </summary>
    public double WallMinutesOfEnd(DateTimeOffset instant)
    {
        if (instant >= EndUtc) return GridMinutes;
        if (instant <= StartUtc) return WallMinutes(StartUtc);
        var local = instant.UtcDateTime + Zone.GetUtcOffset(instant.AddTicks(-1));
        return Math.Clamp((local - Date.ToDateTime(TimeOnly.MinValue)).TotalMinutes, 0, GridMinutes);
    }

    /// <summary>
    /// Where the clocks change on this day, if they do: the wall-clock minute they leave (02:00 = 120 in New York) and
    /// by how much (+60 springing forward: 02:00 becomes 03:00; −60 falling back: 02:00 becomes 01:00 again).
    /// </summary>
    public ClockChange? ClockChange()
    {
        var before = Zone.GetUtcOffset(StartUtc.AddTicks(-1));
        var after = Zone.GetUtcOffset(EndUtc.AddTicks(-1));
        if (before == after) return null;
        // No zone changes its offset twice in a day, so the first instant with the new offset is found by halving.
        var (lo, hi) = (StartUtc.AddTicks(-1), EndUtc.AddTicks(-1));
        while (hi - lo > TimeSpan.FromSeconds(1))
        {
            var mid = lo + (hi - lo) / 2;
            if (Zone.GetUtcOffset(mid) == before) lo = mid; else hi = mid;
        }
        // hi is within a second after the change, and changes happen on a whole minute.
        var wallBefore = (hi.UtcDateTime + before - Date.ToDateTime(TimeOnly.MinValue)).TotalMinutes;
        return new ClockChange(Math.Floor(wallBefore), (after - before).TotalMinutes);
    }
}
