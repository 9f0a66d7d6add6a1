using SyncDashboard.Core.Domain;
using SyncDashboard.Core.Events;

namespace SyncDashboard.Web.Calendar;

/// <summary>Whether an event is where it should be with every integration, and if not, the worst of what is wrong.</summary>
public enum SyncMark
{
    InSync,
    /// <summary>A change is waiting to be sent (or being sent).</summary>
    Pending,
    /// <summary>Both sides changed it; the automatic choice may need a look.</summary>
    Conflict,
    /// <summary>Sending gave up; the reason is on the integration's state.</summary>
    Failed,
}

public static class SyncMarks
{
    /// <summary>The worst state among the event's integrations: failed, then conflict, then pending.</summary>
    public static SyncMark Of(IEnumerable<ExternalSyncStatus> states) =>
        states.Select(s => Of(s.State)).DefaultIfEmpty(SyncMark.InSync).Max();

    public static SyncMark Of(LinkState state) => state switch
    {
        LinkState.Pending => SyncMark.Pending,
        LinkState.Conflict => SyncMark.Conflict,
        LinkState.Failed => SyncMark.Failed,
        _ => SyncMark.InSync,
    };

    /// <summary>The words beside the mark: "Waiting to sync", "In conflict", "Sync failed".</summary>
    public static string Describe(SyncMark mark) => mark switch
    {
        SyncMark.Pending => "Waiting to sync",
        SyncMark.Conflict => "In conflict",
        SyncMark.Failed => "Sync failed",
        _ => "In sync",
    };
}
