using SyncDashboard.Core.Domain;

namespace SyncDashboard.Core.Events;

/// <summary>
/// An event as written by the UI or the REST API. For all-day events only the dates of Start and End count,
/// and End is exclusive (as in Google); an End on the same day as Start means a one-day event.
/// </summary>
public sealed record EventInput(
    string? Title,
    DateTimeOffset Start,
    DateTimeOffset End,
    bool IsAllDay = false,
    string? Location = null,
    string? Description = null,
    string? Notes = null,
    string? TimeZone = null,
    string? Recurrence = null)
{
    /// <summary>Stored values written back as an edit (times are UTC, whatever kind they were read with).</summary>
    public static EventInput From(EventFields f) => new(
        f.Title, Utc(f.Start), Utc(f.End), f.IsAllDay, f.Location, f.Description, f.Notes, f.TimeZone, f.Recurrence);

    private static DateTimeOffset Utc(DateTime d) => new(DateTime.SpecifyKind(d, DateTimeKind.Utc));
}
