using SyncDashboard.Core.Events;

namespace SyncDashboard.Core.Domain;

/// <summary>
/// The app's canonical event. Times are UTC; an all-day event keeps its dates as midnight values
/// (Start inclusive, End exclusive), which are read as dates, not instants.
/// </summary>
public sealed class CalendarEvent
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid UserId { get; set; }
    public required string Title { get; set; }
    public string? Description { get; set; }
    public string? Location { get; set; }
    public string? Notes { get; set; }
    public DateTime Start { get; set; }
    public DateTime End { get; set; }
    public bool IsAllDay { get; set; }
    /// <summary>IANA zone the event was written in; needed by Google for recurring events.</summary>
    public string? TimeZone { get; set; }
    /// <summary>RFC 5545 lines (RRULE, EXDATE, …) separated by newlines, carried through intact.</summary>
    public string? Recurrence { get; set; }
    /// <summary>
    /// Why <see cref="Recurrence"/> is shown as a single event, when it is a rule the app cannot expand. Only a series
    /// from outside (Google) can have one: the app refuses such rules as input, but keeps what another calendar sends.
    /// </summary>
    public string? RecurrenceProblem { get; set; }
    /// <summary>
    /// Set on an occurrence override (Google's "instance exception"): the series it belongs to. The override replaces the
    /// series' occurrence at <see cref="OriginalStart"/>; a deleted override is a cancelled occurrence (the date is skipped).
    /// </summary>
    public Guid? SeriesId { get; set; }
    /// <summary>Where the series had this occurrence before it was changed (UTC; midnight of the date for all-day series).</summary>
    public DateTime? OriginalStart { get; set; }
    /// <summary>The integration an event was first imported from, if it did not start in the app.</summary>
    public Guid? OriginIntegrationId { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
    public int Version { get; set; }
    public bool IsDeleted { get; set; }
    public DateTime? DeletedAt { get; set; }

    public ICollection<EventLink> Links { get; set; } = [];

    /// <summary>An override that starts as <paramref name="series"/>' occurrence at <paramref name="originalStart"/>; the caller changes or deletes it.</summary>
    public static CalendarEvent OverrideOf(CalendarEvent series, DateTime originalStart)
    {
        var row = new CalendarEvent
        {
            UserId = series.UserId, Title = series.Title, Version = 1, SeriesId = series.Id, OriginalStart = originalStart,
            OriginIntegrationId = series.OriginIntegrationId,
        };
        row.Apply(series.ToFields() with { Start = originalStart, End = originalStart + (series.End - series.Start), Recurrence = null });
        return row;
    }

    public EventFields ToFields() =>
        new(Title, Description, Location, Notes, Start, End, IsAllDay, TimeZone, Recurrence);

    public void Apply(EventFields f)
    {
        Title = f.Title;
        Description = f.Description;
        Location = f.Location;
        Notes = f.Notes;
        Start = f.Start;
        End = f.End;
        IsAllDay = f.IsAllDay;
        TimeZone = f.TimeZone;
        Recurrence = f.Recurrence;
        // Derived here so every writer (the app, each provider's pull, conflict resolution) keeps it true to the rule.
        RecurrenceProblem = RecurrenceRule.ProblemWith(f.Recurrence);
    }
}
