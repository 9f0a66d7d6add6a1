using SyncDashboard.Core.Events;

namespace SyncDashboard.Web.Calendar.Layout;

/// <summary>
/// One event (or one occurrence of a series: each occurrence is its own <see cref="LayoutEvent"/> with the series'
/// id) as the layout needs it. A timed event is two UTC instants; an all-day event is dates, start inclusive and end
/// exclusive, which no zone shifts.
/// </summary>
public sealed record LayoutEvent
{
    private LayoutEvent(Guid eventId, string title, bool isAllDay, DateTimeOffset start, DateTimeOffset end, DateOnly firstDate, DateOnly endDate)
    {
        EventId = eventId;
        Title = title;
        IsAllDay = isAllDay;
        Start = start;
        End = end;
        AllDayStart = firstDate;
        AllDayEnd = endDate;
    }

    public Guid EventId { get; }
    public string Title { get; }
    public bool IsAllDay { get; }

    /// <summary>A timed event's start (UTC). Unused for an all-day event.</summary>
    public DateTimeOffset Start { get; }

    /// <summary>A timed event's end (UTC), never before <see cref="Start"/>. Unused for an all-day event.</summary>
    public DateTimeOffset End { get; }

    /// <summary>An all-day event's first date.</summary>
    public DateOnly AllDayStart { get; }

    /// <summary>An all-day event's end, exclusive: a Sat–Sun event ends on Monday. At least one day after the start.</summary>
    public DateOnly AllDayEnd { get; }

    /// <summary>Where this occurrence starts as the API gives it: the instant, or an all-day event's first date at UTC midnight.</summary>
    public DateTimeOffset OccurrenceStart => IsAllDay ? new DateTimeOffset(AllDayStart.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero) : Start;

    /// <summary>An end before the start (a provider's mistake) becomes a zero-length event at the start, not a crash.</summary>
    public static LayoutEvent Timed(Guid eventId, string title, DateTimeOffset start, DateTimeOffset end) =>
        new(eventId, title, false, start.ToUniversalTime(), (end < start ? start : end).ToUniversalTime(), default, default);

    /// <summary>An end on or before the start is read as a one-day event.</summary>
    public static LayoutEvent AllDay(Guid eventId, string title, DateOnly start, DateOnly endExclusive) =>
        new(eventId, title, true, default, default, start, endExclusive > start ? endExclusive : start.AddDays(1));

    /// <summary>
    /// From the API's shape, occurrences included (the list endpoint returns each with its own start and end). The
    /// app stores all-day dates as UTC midnights, so they are read as dates in UTC, not converted to the viewer's zone.
    /// </summary>
    public static LayoutEvent From(EventDto e) => e.IsAllDay
        ? AllDay(e.Id, e.Title, DateOnly.FromDateTime(e.Start.UtcDateTime), DateOnly.FromDateTime(e.End.UtcDateTime))
        : Timed(e.Id, e.Title, e.Start, e.End);

    public TimeSpan Duration => IsAllDay ? TimeSpan.FromDays(AllDayEnd.DayNumber - AllDayStart.DayNumber) : End - Start;
}
