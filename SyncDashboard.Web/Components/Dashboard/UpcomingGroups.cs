using SyncDashboard.Core.Events;
using SyncDashboard.Web.Components.Shared;

namespace SyncDashboard.Web.Components.Dashboard;

/// <summary>The upcoming list's sections (Today, Tomorrow, This week, Later) by the viewer's local date, in the order given.</summary>
public static class UpcomingGroups
{
    public sealed record Item(UpcomingEvent Event, string TimeLabel);

    public sealed record Group(string Heading, IReadOnlyList<Item> Items);

    public static IReadOnlyList<Group> Of(IEnumerable<UpcomingEvent> events, TimeZoneInfo zone, DateTime now) =>
        events.Select(e => (Event: e, Start: TimeZoneInfo.ConvertTime(e.Start, zone).DateTime))
            .GroupBy(x => TimeText.Bucket(x.Start, now))
            .Select(g => new Group(g.Key, g.Select(x => new Item(x.Event, TimeLabel(x.Start, x.Event.IsAllDay, g.Key))).ToList()))
            .ToList();

    // Past tomorrow the weekday is part of the label, for all-day events too ("Thu · all day", not a bare "All day").
    private static string TimeLabel(DateTime start, bool allDay, string bucket) => bucket is "Today" or "Tomorrow"
        ? (allDay ? "All day" : start.ToString("HH:mm"))
        : (allDay ? start.ToString("ddd") + " · all day" : start.ToString("ddd HH:mm"));
}
