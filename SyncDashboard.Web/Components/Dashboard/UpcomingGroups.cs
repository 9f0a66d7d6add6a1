using SyncDashboard.Core.Events;
using SyncDashboard.Core.Formatting;

namespace SyncDashboard.Web.Components.Dashboard;

/// <summary>The upcoming list by the viewer's local day: Today, Tomorrow, then each day by its date, in the order given.</summary>
public static class UpcomingGroups
{
    public sealed record Item(UpcomingEvent Event, string TimeLabel);

    public sealed record Group(DateOnly Day, string Heading, IReadOnlyList<Item> Items);

    public static IReadOnlyList<Group> Of(IEnumerable<UpcomingEvent> events, DateTimeFormatter format, DateTimeOffset now)
    {
        var today = format.LocalDate(now);
        // An event already under way (overnight, or a multi-day one) belongs to today.
        return events.Select(e => (Event: e, Day: Max(format.LocalDate(e.Start), today)))
            .GroupBy(x => x.Day)
            .Select(g => new Group(g.Key, Heading(g.Key, today, format), g.Select(x => new Item(x.Event, TimeLabel(x.Event, today, format))).ToList()))
            .ToList();
    }

    /// <summary>An upcoming all-day event's dates: its span runs between the viewer's local midnights, end exclusive.</summary>
    public static (DateOnly Start, DateOnly EndExclusive) AllDayDates(UpcomingEvent e, DateTimeFormatter format) =>
        (format.LocalDate(e.Start), format.LocalDate(e.End));

    private static string Heading(DateOnly day, DateOnly today, DateTimeFormatter format) => (day.DayNumber - today.DayNumber) switch
    {
        0 => "Today",
        1 => "Tomorrow",
        _ => format.DateShort(day),
    };

    // A multi-day event shows its span ("Sat, Dec 5 – Mon, Dec 7"), never just its first day; so does a timed one of a day
    // or more (the calendar's band takes those too, ADR 0013). A late call that ends after midnight is read by its start.
    private static string TimeLabel(UpcomingEvent e, DateOnly today, DateTimeFormatter format)
    {
        if (e.IsAllDay)
        {
            var (start, end) = AllDayDates(e, format);
            return end.DayNumber - start.DayNumber <= 1 ? "All day" : format.AllDayRange(start, end);
        }
        var lastDay = format.LocalDate(e.End > e.Start ? e.End.AddTicks(-1) : e.Start);
        if (format.LocalDate(e.Start) < today)
            return "until " + (lastDay > today ? format.DateTimeShort(e.End) : format.Time(e.End));
        return e.End - e.Start >= TimeSpan.FromDays(1) ? format.TimeRange(e.Start, e.End) : format.Time(e.Start);
    }

    private static DateOnly Max(DateOnly a, DateOnly b) => a > b ? a : b;
}
