using System.Globalization;
using SyncDashboard.Core.Domain;
using SyncDashboard.Core.Sync.Activity;

namespace SyncDashboard.Web.Components.Pages.Activity;

/// <summary>Which changes the activity page lists.</summary>
public enum ChangeFilter { NeedsAttention, Failed, DeadLettered, Held, Waiting, Sent }

/// <summary>How the activity page and the editor's history put sync facts into words (dates go through the formatter).</summary>
public static class ActivityText
{
    public static IReadOnlyList<OutboxState> StatesOf(ChangeFilter filter) => filter switch
    {
        ChangeFilter.Failed => [OutboxState.Failed],
        ChangeFilter.DeadLettered => [OutboxState.DeadLettered],
        ChangeFilter.Held => [OutboxState.Held],
        ChangeFilter.Waiting => [OutboxState.Pending, OutboxState.InFlight],
        ChangeFilter.Sent => [OutboxState.Completed],
        _ => ActivityFilter.NeedsAttention,
    };

    public static string Name(ChangeFilter filter) => filter switch
    {
        ChangeFilter.NeedsAttention => "Failed and gave up",
        ChangeFilter.Failed => "Failed, retrying",
        ChangeFilter.DeadLettered => "Gave up (dead-lettered)",
        ChangeFilter.Held => "Held deletions",
        ChangeFilter.Waiting => "Waiting to be sent",
        _ => "Sent",
    };

    public static string State(OutboxState state) => state switch
    {
        OutboxState.Pending => "waiting",
        OutboxState.InFlight => "sending",
        OutboxState.Completed => "sent",
        OutboxState.Failed => "failed, retrying",
        OutboxState.DeadLettered => "gave up",
        _ => "held",
    };

    public static string Operation(OutboxOperation operation) => operation switch
    {
        OutboxOperation.Create => "create",
        OutboxOperation.Update => "change",
        _ => "deletion",
    };

    public static string Provider(Provider provider) => provider == Core.Domain.Provider.Google ? "Google" : "Notion";

    public static string Kind(SyncRunKind kind) => kind == SyncRunKind.Pull ? "Pull" : "Push";

    public static string Trigger(SyncTrigger trigger) => trigger switch
    {
        SyncTrigger.Webhook => "push notification",
        SyncTrigger.Poll => "poll",
        SyncTrigger.Manual => "Sync now",
        SyncTrigger.Schedule => "scheduled scan",
        SyncTrigger.Connect => "connect",
        _ => "queued changes",
    };

    public static string Duration(int milliseconds) => milliseconds < 1000
        ? $"{milliseconds} ms"
        : (milliseconds / 1000.0).ToString(milliseconds < 10_000 ? "0.0 's'" : "0 's'", CultureInfo.InvariantCulture);

    /// <summary>"+3 ~1 −2" for created, updated and deleted; "no changes" when all are zero.</summary>
    public static string Counts(SyncRunDto run)
    {
        var parts = new List<string>();
        if (run.Created > 0) parts.Add($"{run.Created} new");
        if (run.Updated > 0) parts.Add($"{run.Updated} changed");
        if (run.Deleted > 0) parts.Add($"{run.Deleted} deleted");
        if (run.Failed > 0) parts.Add($"{run.Failed} failed");
        return parts.Count == 0 ? "no changes" : string.Join(", ", parts);
    }

    /// <summary>One line of an event's history without its time ("Created in Notion (Calendar)", "Sent to Google (Work)").</summary>
    public static string History(EventHistoryEntry e)
    {
        var where = e.Provider is { } p ? $"{Provider(p)} ({e.Integration})" : e.Integration;
        var what = e.Operation is { } op ? Operation(op) : "change";
        var because = e.Error is { Length: > 0 } error ? $": {error}" : "";
        return e.Kind switch
        {
            EventHistoryKind.CreatedInApp => "Created in this app",
            EventHistoryKind.CreatedElsewhere => $"Created in {where}",
            EventHistoryKind.Sent => $"{Capital(what)} sent to {where}",
            EventHistoryKind.Waiting => $"{Capital(what)} waiting to be sent to {where}{because}",
            EventHistoryKind.Retrying => $"Sending the {what} to {where} failed, retrying{because}",
            EventHistoryKind.GaveUp => $"Gave up sending the {what} to {where}{because}",
            EventHistoryKind.Held => $"Deletion held for {where} by the mass-delete guard",
            _ => $"In sync with {where}",
        };
    }

    private static string Capital(string s) => char.ToUpperInvariant(s[0]) + s[1..];
}
