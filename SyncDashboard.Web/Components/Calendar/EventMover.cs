using MudBlazor;
using SyncDashboard.Core.Common;
using SyncDashboard.Core.Events;
using SyncDashboard.Core.Formatting;
using SyncDashboard.Web.Calendar.Drag;
using SyncDashboard.Web.Calendar.Layout;

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
            var step = EventDragMath.StepOf(drop, ev.IsAllDay, zone, geometry.PixelsPerMinute);
            if (step.IsNone || !await ConfirmSeriesAsync(ev, drop.Kind)) return;

            // A series moves by the step the dragged occurrence took, from its own first start.
            var (start, end) = EventDragMath.Apply(ev.Start, ev.End, ev.IsAllDay, zone, drop.Kind, step);
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

    /// <summary>
    /// Where the dragged occurrence would land, in words, for the label beside the preview; null when the drop
    /// changes nothing or the chip is not one on screen.
    /// </summary>
    public static string? Describe(EventDrop drop, IEnumerable<LayoutEvent> shown, TimeZoneInfo zone, DateTimeFormatter format, TimeGridGeometry geometry)
    {
        var e = shown.FirstOrDefault(x => x.EventId == drop.EventId && Math.Abs((StartOf(x) - drop.OccurrenceStart).TotalSeconds) < 1);
        if (e is null) return null;
        var step = EventDragMath.StepOf(drop, e.IsAllDay, zone, geometry.PixelsPerMinute);
        if (step.IsNone) return null;
        var end = e.IsAllDay ? new DateTimeOffset(e.AllDayEnd.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero) : e.End;
        var (newStart, newEnd) = EventDragMath.Apply(StartOf(e), end, e.IsAllDay, zone, drop.Kind, step);
        return format.EventRange(newStart, newEnd, e.IsAllDay);
    }

    /// <summary>An occurrence's start as chips report it: the instant, or an all-day event's first date at UTC midnight.</summary>
    private static DateTimeOffset StartOf(LayoutEvent e) =>
        e.IsAllDay ? new DateTimeOffset(e.AllDayStart.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero) : e.Start;

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
