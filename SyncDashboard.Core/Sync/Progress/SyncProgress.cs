using SyncDashboard.Core.Domain;

namespace SyncDashboard.Core.Sync.Progress;

public enum SyncStage { Started, Fetching, Applying, Sending, Finished }

/// <summary>
/// Where a running pull or drain of one integration is: pages fetched and events applied (of how many) for a pull,
/// changes sent (of how many) for a drain. The <c>syncProgress</c> hub message; not numbered or kept (ADR 0020).
/// </summary>
public sealed record SyncProgress(
    Guid IntegrationId, SyncRunKind Kind, SyncStage Stage, int PagesFetched, int EventsApplied, int EventsTotal, int ChangesSent, int ChangesTotal,
    DateTimeOffset At)
{
    public bool IsRunning => Stage != SyncStage.Finished;
}

/// <summary>An outbound channel for progress messages, implemented by the web host's SignalR hub.</summary>
public interface ISyncProgressSink
{
    Task SendAsync(Guid userId, SyncProgress progress, CancellationToken ct);
}
