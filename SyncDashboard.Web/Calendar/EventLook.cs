using SyncDashboard.Core.Events;
using SyncDashboard.Web.Calendar.Sources;

namespace SyncDashboard.Web.Calendar;

/// <summary>
/// What an event looks like on the calendar besides its place: its source's colour, whether it repeats, and whether
/// it is in sync. Every occurrence of a series looks like the series.
/// </summary>
public sealed record EventLook(CalendarSource Source, bool IsRecurring, SyncMark Sync)
{
    public static EventLook Of(EventDto e, CalendarSources sources) =>
        new(sources.For(e.OriginIntegrationId), !string.IsNullOrWhiteSpace(e.Recurrence), SyncMarks.Of(e.ExternalSync));

    public bool NotInSync => Sync != SyncMark.InSync;
}
