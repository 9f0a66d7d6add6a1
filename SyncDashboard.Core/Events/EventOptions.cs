using System.ComponentModel.DataAnnotations;

namespace SyncDashboard.Core.Events;

/// <summary>How the app's own event writes behave (section <c>Events</c>).</summary>
public sealed class EventOptions
{
    public const string Section = "Events";

    /// <summary>
    /// How long a deletion waits in the outbox before it is sent to Google and Notion, so the user can still undo it
    /// (ADR 0014). The snackbar that offers Undo stays up this long.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:10:00", ErrorMessage = "Events:DeleteUndoWindow must be between 1 second and 10 minutes (e.g. 00:00:10).")]
    public TimeSpan DeleteUndoWindow { get; set; } = TimeSpan.FromSeconds(10);
}
