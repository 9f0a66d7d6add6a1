using SyncDashboard.Core.Events;
using SyncDashboard.Core.Formatting;
using SyncDashboard.Web.Calendar;
using SyncDashboard.Web.Calendar.Layout;
using SyncDashboard.Web.Calendar.Sources;

namespace SyncDashboard.Web.Components.Calendar;

/// <summary>
/// What every view draws from: the events as the layout takes them, how each looks (source colour, marks), the one
/// formatter and the viewer's layout context (zone, week start, now).
/// </summary>
public sealed class CalendarData
{
    private readonly Dictionary<Guid, EventLook> _looks;

    public CalendarData(IReadOnlyList<EventDto> events, CalendarSources sources, DateTimeFormatter format, LayoutContext context)
    {
        Events = events.Select(LayoutEvent.From).ToList();
        // Occurrences of a series share its id and everything a look is made of, so the first one speaks for all.
        _looks = events.GroupBy(e => e.Id).ToDictionary(g => g.Key, g => EventLook.Of(g.First(), sources));
        Sources = sources;
        Format = format;
        Context = context;
        Origins = events.Select(e => e.OriginIntegrationId).Distinct().ToList();
    }

    private CalendarData(CalendarData other, LayoutContext context)
    {
        (Events, _looks, Sources, Format, Origins) = (other.Events, other._looks, other.Sources, other.Format, other.Origins);
        Context = context;
    }

    /// <summary>The same events seen at another instant (the now-line moves, today changes at midnight).</summary>
    public CalendarData At(DateTimeOffset now) => new(this, Context with { Now = now });

    public IReadOnlyList<LayoutEvent> Events { get; }
    public CalendarSources Sources { get; }
    public DateTimeFormatter Format { get; }
    public LayoutContext Context { get; }

    /// <summary>The sources of the events on screen (null: the app), for the legend.</summary>
    public IReadOnlyList<Guid?> Origins { get; }

    /// <summary>The event's full time for its tooltip: "Tue, Dec 1 2:00 PM – 3:00 PM", or its dates and "all day".</summary>
    public string When(LayoutEvent e) => e.IsAllDay
        ? $"{Format.AllDayRange(e.AllDayStart, e.AllDayEnd)}, all day"
        : Format.EventRange(e.Start, e.End, false);

    public EventLook Look(LayoutEvent e) => _looks.TryGetValue(e.EventId, out var look) ? look : new EventLook(CalendarSource.App, false, SyncMark.InSync);
}
