using MudBlazor;
using SyncDashboard.Core.Common;

namespace SyncDashboard.Web.Components.Calendar;

/// <summary>
/// A result with an Undo action that stays up for as long as the undo is possible (a delete's window) and reports how
/// the undo went in a snackbar of its own.
/// </summary>
public static class UndoSnackbar
{
    public static void Show(ISnackbar snackbar, string message, TimeSpan visibleFor, Func<Task<string>> undo) =>
        snackbar.Add(message, Severity.Success, config =>
        {
            config.Action = "Undo";
            config.ActionColor = Color.Inherit;
            config.VisibleStateDuration = (int)visibleFor.TotalMilliseconds;
            config.OnClick = async _ =>
            {
                try { snackbar.Add(await undo(), Severity.Info); }
                catch (Exception ex) when (ex is ConcurrencyConflictException or NotFoundException or InputValidationException)
                {
                    snackbar.Add(ex is InputValidationException v ? string.Join(" ", v.Errors.Values.SelectMany(e => e)) : ex.Message, Severity.Warning);
                }
            };
        }, key: Guid.NewGuid().ToString());
}
