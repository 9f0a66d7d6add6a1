using SyncDashboard.Core.Common;
using SyncDashboard.Web.Calendar.Layout;

namespace SyncDashboard.Tests.Unit.Calendar;

/// <summary>Events written as a person reads them: local wall-clock times in a named zone, or all-day dates.</summary>
internal static class LayoutKit
{
    public static readonly TimeZoneInfo Utc = TimeZoneInfo.Utc;
    public static readonly TimeZoneInfo Berlin = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");
    public static readonly TimeZoneInfo NewYork = TimeZoneInfo.FindSystemTimeZoneById("America/New_York");
    public static readonly TimeZoneInfo Kiritimati = TimeZoneInfo.FindSystemTimeZoneById("Pacific/Kiritimati");
    public static readonly TimeZoneInfo LosAngeles = TimeZoneInfo.FindSystemTimeZoneById("America/Los_Angeles");

    /// <summary>Mon 30 Nov – Sun 6 Dec 2026 is the week most tests use.</summary>
    public static readonly DateOnly Mon30Nov = new(2026, 11, 30);

    public static DateTimeOffset Local(TimeZoneInfo zone, int year, int month, int day, int hour, int minute = 0) =>
        ZonedTime.ToUtcOffset(new DateTime(year, month, day, hour, minute, 0), zone);

    public static LayoutEvent Timed(string title, DateTimeOffset start, DateTimeOffset end) =>
        LayoutEvent.Timed(Guid.NewGuid(), title, start, end);

    /// <summary>A timed event on one day, "HH:mm" to "HH:mm" local.</summary>
    public static LayoutEvent On(TimeZoneInfo zone, DateOnly day, string title, string from, string to)
    {
        var (f, t) = (TimeOnly.Parse(from), TimeOnly.Parse(to));
        var end = t == TimeOnly.MinValue && f != TimeOnly.MinValue ? day.AddDays(1).ToDateTime(t) : day.ToDateTime(t);
        return Timed(title, ZonedTime.ToUtcOffset(day.ToDateTime(f), zone), ZonedTime.ToUtcOffset(end, zone));
    }

    public static LayoutEvent AllDay(string title, DateOnly first, DateOnly endExclusive) =>
        LayoutEvent.AllDay(Guid.NewGuid(), title, first, endExclusive);

    /// <summary>"Now" is a fixed instant far from every test's dates unless a test names one.</summary>
    public static LayoutContext Context(TimeZoneInfo zone, DayOfWeek weekStart = DayOfWeek.Monday, DateTimeOffset? now = null,
        LayoutOptions? options = null) =>
        new(zone, weekStart, now ?? new DateTimeOffset(2030, 1, 1, 12, 0, 0, TimeSpan.Zero), options);

    public static TimedPlacement Item(this TimeGridDay day, string title) => day.Items.Single(i => i.Event.Title == title);

    public static IEnumerable<TimedPlacement> Items(this TimeGridDay day, string title) => day.Items.Where(i => i.Event.Title == title);

    public static BandBar Bar(this AllDayBand band, string title) => band.Bars.Single(b => b.Event.Title == title);

    public static (int Column, int Count, int Span) Place(this TimedPlacement p) => (p.Column, p.ColumnCount, p.ColumnSpan);
}
