using System.ComponentModel.DataAnnotations;
using SyncDashboard.Core.Common;
using SyncDashboard.Core.Events;

namespace SyncDashboard.Web.Components.Calendar;

/// <summary>The editor's form; times are the viewer's local wall-clock times.</summary>
public sealed class EventFormModel
{
    [Required(ErrorMessage = "Title is required.")]
    [MaxLength(EventLimits.TitleMax, ErrorMessage = "Title must be at most 200 characters.")]
    public string? Title { get; set; }

    public bool AllDay { get; set; }
    public DateTime Start { get; set; }
    public DateTime End { get; set; }

    [MaxLength(EventLimits.LocationMax, ErrorMessage = "Location must be at most 500 characters.")]
    public string? Location { get; set; }

    [MaxLength(EventLimits.DescriptionMax, ErrorMessage = "Description must be at most 8000 characters.")]
    public string? Description { get; set; }

    [MaxLength(EventLimits.NotesMax, ErrorMessage = "Notes must be at most 8000 characters.")]
    public string? Notes { get; set; }

    public string? Recurrence { get; set; }

    public static EventFormModel From(EventDto e, TimeZoneInfo zone) => new()
    {
        Title = e.Title,
        AllDay = e.IsAllDay,
        // All-day dates are dates; the form shows the last day, not Google-style exclusive ends.
        Start = e.IsAllDay ? e.Start.UtcDateTime.Date : TimeZoneInfo.ConvertTime(e.Start, zone).DateTime,
        End = e.IsAllDay ? e.End.UtcDateTime.Date.AddDays(-1) : TimeZoneInfo.ConvertTime(e.End, zone).DateTime,
        Location = e.Location,
        Description = e.Description,
        Notes = e.Notes,
        Recurrence = e.Recurrence,
    };

    public EventInput ToInput(TimeZoneInfo zone) => AllDay
        ? new EventInput(Title, new DateTimeOffset(Start.Date, TimeSpan.Zero), new DateTimeOffset(End.Date.AddDays(1), TimeSpan.Zero),
            true, Location, Description, Notes, null, Recurrence)
        : new EventInput(Title, ToUtc(Start, zone), ToUtc(End, zone), false, Location, Description, Notes, zone.Id, Recurrence);

    public static string? FieldFor(string key) => key switch
    {
        "title" => nameof(Title),
        "start" => nameof(Start),
        "end" => nameof(End),
        "location" => nameof(Location),
        "description" => nameof(Description),
        "notes" => nameof(Notes),
        _ => null,
    };

    private static DateTimeOffset ToUtc(DateTime local, TimeZoneInfo zone) => ZonedTime.ToUtcOffset(local, zone);
}
