using MudBlazor;
using SyncDashboard.Core.Common;
using SyncDashboard.Core.Events;
using SyncDashboard.Core.Formatting;
using SyncDashboard.Web.Calendar.Drag;

namespace SyncDashboard.Web.Components.Calendar;

/// <summary>
/// Applies a drag (or its keyboard equivalent) to an event by the editor's rules: the service validates and checks the
/// version, a series is asked about first and then moves as a whole by the same step, and the result is a snackbar with
/// Undo (the previous times, written over the new version). A failure is reported; the caller reloads, which puts the
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
            var ev = await events.GetAsync(userId, drop.EventId);
            var minutes = EventDragMath.SnapMinutes(drop.DeltaPx, geometry.PixelsPerMinute);
            if (drop.Kind == DragKind.Resize && ev.IsAllDay) return;
            var step = drop.Kind == DragKind.Resize ? new DragStep(0, minutes)
                : ev.IsAllDay ? new DragStep(Math.Clamp(drop.Days, -3660, 3660), 0)
                : EventDragMath.MoveStep(drop.OccurrenceStart, zone, drop.Days, minutes);
            if (step.IsNone || !await ConfirmSeriesAsync(ev, drop.Kind)) return;

            var (start, end) = drop.Kind == DragKind.Resize ? EventDragMath.Resize(ev.Start, ev.End, zone, step.Minutes)
                : ev.IsAllDay ? EventDragMath.MoveAllDay(ev.Start, ev.End, step.Days)
                : EventDragMath.Move(ev.Start, ev.End, zone, step);
            var saved = await events.UpdateAsync(userId, ev.Id, Input(ev, start, end), ev.Version);
            var verb = drop.Kind == DragKind.Resize ? "Resized" : "Moved";
            UndoSnackbar.Show(snackbar, $"{verb} “{saved.Title}” to {format.EventRange(saved.Start, saved.End, saved.IsAllDay)}.", UndoVisible, async () =>
            {
                await events.UpdateAsync(userId, ev.Id, Input(ev, ev.Start, ev.End), saved.Version);
                return $"Put “{saved.Title}” back.";
            });
        }
        catch (InputValidationException ex) { snackbar.Add(string.Join(" ", ex.Errors.Values.SelectMany(e => e)), Severity.Warning); }
        catch (ConcurrencyConflictException ex) { snackbar.Add(ex.Message, Severity.Warning); }
        catch (NotFoundException) { snackbar.Add("That event does not exist (any more).", Severity.Warning); }
    }

    /// <summary>A series moves as a whole; choosing one occurrence is not offered yet.</summary>
    private async Task<bool> ConfirmSeriesAsync(EventDto ev, DragKind kind)
    {
        if (string.IsNullOrEmpty(ev.Recurrence)) return true;
        return await dialogs.ShowMessageBoxAsync(new MessageBoxOptions
        {
            Title = "Change the series?",
            Message = kind == DragKind.Resize
                ? "This event repeats — change the end of every occurrence by the same amount?"
                : "This event repeats — move every occurrence by the same amount?",
            YesText = kind == DragKind.Resize ? "Change all" : "Move all",
            CancelText = "Cancel",
        }, new DialogOptions { MaxWidth = MaxWidth.ExtraSmall, FullWidth = true }) == true;
    }

    private static EventInput Input(EventDto e, DateTimeOffset start, DateTimeOffset end) =>
        new(e.Title, start, end, e.IsAllDay, e.Location, e.Description, e.Notes, e.TimeZone, e.Recurrence);
}
