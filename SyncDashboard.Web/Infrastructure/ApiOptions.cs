using System.ComponentModel.DataAnnotations;

namespace SyncDashboard.Web.Infrastructure;

/// <summary>How the REST API answers (section <c>Api</c>).</summary>
public sealed class ApiOptions
{
    public const string Section = "Api";

    /// <summary>
    /// How long <c>POST /api/events</c> waits for the new event to reach each integration before it answers with what it
    /// knows (the rest is <c>queued</c>); zero answers at once (ADR 0018).
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:00:30", ErrorMessage = "Api:ExternalSyncWait must be between 0 and 30 seconds (e.g. 00:00:02).")]
    public TimeSpan ExternalSyncWait { get; set; } = TimeSpan.FromSeconds(2);
}
