namespace SyncDashboard.Web.Calendar.Drag;

public enum DragKind { Move, Resize }

/// <summary>
/// What the browser reports when a drag ends (wwwroot/js/calendar-drag.js): which chip (an occurrence is its series' id
/// and its own start), how it was dragged, whole days across columns or cells, and the vertical distance in pixels of
/// the time grid, snapped here. Untrusted: every number is clamped and the write goes through the service.
/// </summary>
public sealed record EventDrop(Guid EventId, DateTimeOffset OccurrenceStart, DragKind Kind, int Days, double DeltaPx);

/// <summary>New times for an event and the wall-clock step that made them, to apply the same step to a series.</summary>
public sealed record DragStep(int Days, int Minutes)
{
    public bool IsNone => Days == 0 && Minutes == 0;
}
