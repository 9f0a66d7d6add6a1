using MudBlazor;
using SyncDashboard.Core.Common;
using SyncDashboard.Core.Events;
using SyncDashboard.Core.Formatting;
using SyncDashboard.Web.Calendar.Drag;
using SyncDashboard.Web.Calendar.Layout;

namespace SyncDashboard.Web.Components.Calendar;

/// <summary>
/// Applies a drag (or its keyboard equivalent) to an event by the editor's rules: the service validates and checks the
/// version, an occurrence of a series asks whether the move is for it, the following ones or all (as the editor does), and
/// the result is a snackbar with Undo (the previous times, written over the new version). A failure is reported; the caller reloads, which puts the
/// chip back where the event is.
/// </summary>
public sealed class EventMover(EventService events, IDialogService dialogs, ISnackbar snackbar, Guid userId, TimeZoneInfo zone,
    DateTimeFormatter format, TimeGridGeometry geometry)
{
    /// <summary>How long the Undo of a move stays offered.</summary>
    public static readonly TimeSpan UndoVisible = TimeSpan.FromSeconds(10);

    public async Task ApplyAsync(EventDrop drop)
    {
        try
        {
            var ev = await events.GetOccurrenceAsync(userId, drop.EventId, drop.OccurrenceStart);
            var step = EventDragMath.StepOf(drop, ev.IsAllDay, zone, geometry.PixelsPerMinute);
            if (step.IsNone) return;
            var resize = drop.Kind == DragKind.Resize;
            EditScope? scope = null;
            if (ev.IsOccurrence
                && (scope = await SeriesScopeDialog.AskAsync(dialogs, resize ? "Resize recurring event" : "Move recurring event", resize ? "Resize" : "Move")) is null)
                return;

            // The dragged occurrence takes the step; "all events" moves the series by the same step from its own first start.
            var series = scope == EditScope.All ? await events.GetAsync(userId, ev.SeriesId!.Value) : null;
            var (start, end) = EventDragMath.Apply(ev.Start, ev.End, ev.IsAllDay, zone, drop.Kind, step);
            var saved = await events.UpdateAsync(userId, ev.Id, Input(ev, start, end), ev.Version, scope, ev.OriginalStart);
            var message = $"{(resize ? "Resized" : "Moved")} “{saved.Title}” to {format.EventRange(start, end, saved.IsAllDay)}.";
            if (scope == EditScope.Following)
            {
                snackbar.Add(message, Severity.Success);
                return;
            }
            UndoSnackbar.Show(snackbar, message, UndoVisible, async () =>
            {
                var back = series is null ? Input(saved, ev.Start, ev.End) : Input(series, series.Start, series.End);
                await events.UpdateAsync(userId, saved.Id, back, saved.Version);
                return $"Put “{saved.Title}” back.";
            });
        }
        catch (InputValidationException ex) { snackbar.Add(string.Join(" ", ex.Errors.Values.SelectMany(e => e)), Severity.Warning); }
        catch (ConcurrencyConflictException ex) { snackbar.Add(ex.Message, Severity.Warning); }
        catch (NotFoundException) { snackbar.Add("That event does not exist (any more).", Severity.Warning); }
    }

    /// <summary>
    /// Where the dragged occurrence would land, in words, for the label beside the preview; null when the drop
    /// changes nothing or the chip is not one on screen.
    /// </summary>
    public static string? Describe(EventDrop drop, IEnumerable<LayoutEvent> shown, TimeZoneInfo zone, DateTimeFormatter format, TimeGridGeometry geometry)
    {
        var e = shown.FirstOrDefault(x => x.EventId == drop.EventId && Math.Abs((x.OccurrenceStart - drop.OccurrenceStart).TotalSeconds) < 1);
        if (e is null) return null;
        var step = EventDragMath.StepOf(drop, e.IsAllDay, zone, geometry.PixelsPerMinute);
        if (step.IsNone) return null;
        var end = e.IsAllDay ? new DateTimeOffset(e.AllDayEnd.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero) : e.End;
        var (newStart, newEnd) = EventDragMath.Apply(e.OccurrenceStart, end, e.IsAllDay, zone, drop.Kind, step);
        return format.EventRange(newStart, newEnd, e.IsAllDay);
    }

    private static EventInput Input(EventDto e, DateTimeOffset start, DateTimeOffset end) =>
        new(e.Title, start, end, e.IsAllDay, e.Location, e.Description, e.Notes, e.TimeZone, e.Recurrence);
}
