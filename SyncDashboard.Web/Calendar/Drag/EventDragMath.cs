using SyncDashboard.Core.Common;

namespace SyncDashboard.Web.Calendar.Drag;

/// <summary>
/// Where a dragged event lands. Steps are in wall-clock time in the viewer's zone, so an event moved onto a day the
/// clocks change keeps the time of day it shows (09:00 stays 09:00) and its length in real time; all-day events move
/// by whole dates. The browser's preview rounds the same way (<see cref="SnapMinutes"/>).
/// </summary>
public static class EventDragMath
{
    public const int StepMinutes = 15;
    private const int DayMinutes = 24 * 60;

    /// <summary>About ten years: a hostile report cannot overflow a date, and the service refuses anything past its limits.</summary>
    private const int MaxDays = 3660;

    /// <summary>A vertical distance on the grid as whole steps, rounded to the nearest.</summary>
    public static int SnapMinutes(double deltaPx, double pixelsPerMinute)
    {
        if (!double.IsFinite(deltaPx) || !(pixelsPerMinute > 0)) return 0;
        // Half a step rounds up in both directions, as JavaScript's Math.round does in the preview.
        var steps = Math.Floor(deltaPx / pixelsPerMinute / StepMinutes + 0.5);
        return (int)Math.Clamp(steps, -DayMinutes / StepMinutes, DayMinutes / StepMinutes) * StepMinutes;
    }

    /// <summary>
    /// The wall-clock step a drop stands for, judged on the occurrence that was dragged: a resize changes the end by the
    /// snapped distance, an all-day event moves by whole days, a timed one by days and minutes with its start kept on its
    /// day. None for a resize of an all-day event (it has no lower edge).
    /// </summary>
    public static DragStep StepOf(EventDrop drop, bool isAllDay, TimeZoneInfo zone, double pixelsPerMinute)
    {
        var minutes = SnapMinutes(drop.DeltaPx, pixelsPerMinute);
        return drop.Kind switch
        {
            DragKind.Resize => isAllDay ? new DragStep(0, 0) : new DragStep(0, minutes),
            _ when isAllDay => new DragStep(Math.Clamp(drop.Days, -MaxDays, MaxDays), 0),
            _ => MoveStep(drop.OccurrenceStart, zone, drop.Days, minutes),
        };
    }

    /// <summary>An event's (or a series' first occurrence's) times after the step.</summary>
    public static (DateTimeOffset Start, DateTimeOffset End) Apply(DateTimeOffset start, DateTimeOffset end, bool isAllDay, TimeZoneInfo zone,
        DragKind kind, DragStep step) =>
        kind == DragKind.Resize ? Resize(start, end, zone, step.Minutes)
        : isAllDay ? MoveAllDay(start, end, step.Days)
        : Move(start, end, zone, step);

    /// <summary>
    /// A move's step as the grid allows it: the start stays on its (target) day, between 00:00 and the last step.
    /// </summary>
    public static DragStep MoveStep(DateTimeOffset occurrenceStart, TimeZoneInfo zone, int days, int minutes)
    {
        var local = TimeZoneInfo.ConvertTime(occurrenceStart, zone).DateTime;
        var minuteOfDay = local.Hour * 60 + local.Minute;
        var clamped = Math.Clamp(minuteOfDay + minutes, 0, DayMinutes - StepMinutes) - minuteOfDay;
        return new DragStep(Math.Clamp(days, -MaxDays, MaxDays), clamped);
    }

    /// <summary>A timed event moved by <paramref name="step"/> in wall-clock time, keeping its length.</summary>
    public static (DateTimeOffset Start, DateTimeOffset End) Move(DateTimeOffset start, DateTimeOffset end, TimeZoneInfo zone, DragStep step)
    {
        var local = TimeZoneInfo.ConvertTime(start, zone).DateTime;
        var newStart = ZonedTime.ToUtcOffset(local.AddDays(step.Days).AddMinutes(step.Minutes), zone);
        return (newStart, newStart + (end - start));
    }

    /// <summary>An all-day event's dates (UTC midnights) moved by whole days.</summary>
    public static (DateTimeOffset Start, DateTimeOffset End) MoveAllDay(DateTimeOffset start, DateTimeOffset end, int days) =>
        (start.AddDays(days), end.AddDays(days));

    /// <summary>
    /// The end dragged by <paramref name="minutes"/> of wall-clock time, never closer than one step to the start.
    /// </summary>
    public static (DateTimeOffset Start, DateTimeOffset End) Resize(DateTimeOffset start, DateTimeOffset end, TimeZoneInfo zone, int minutes)
    {
        var local = TimeZoneInfo.ConvertTime(end, zone).DateTime;
        var newEnd = ZonedTime.ToUtcOffset(local.AddMinutes(minutes), zone);
        var shortest = start.AddMinutes(StepMinutes);
        return (start, newEnd < shortest ? shortest : newEnd);
    }
}
