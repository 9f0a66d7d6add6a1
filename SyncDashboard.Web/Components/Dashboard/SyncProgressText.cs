using SyncDashboard.Core.Domain;
using SyncDashboard.Core.Sync.Progress;

namespace SyncDashboard.Web.Components.Dashboard;

/// <summary>A running pull or drain in words for the status card ("Pulling: 3 pages fetched, 1000 of 2000 events applied").</summary>
public static class SyncProgressText
{
    public static string Of(SyncProgress p) => p.Kind == SyncRunKind.Push
        ? p.Stage == SyncStage.Started ? "Sending…" : $"Sending: {p.ChangesSent} of {p.ChangesTotal} {Plural(p.ChangesTotal, "change")} sent"
        : p.Stage switch
        {
            SyncStage.Started => "Pulling…",
            SyncStage.Fetching => $"Pulling: {p.PagesFetched} {Plural(p.PagesFetched, "page")} fetched",
            _ => $"Pulling: {p.PagesFetched} {Plural(p.PagesFetched, "page")} fetched, {p.EventsApplied} of {p.EventsTotal} {Plural(p.EventsTotal, "event")} applied",
        };

    private static string Plural(int n, string word) => n == 1 ? word : word + "s";
}
