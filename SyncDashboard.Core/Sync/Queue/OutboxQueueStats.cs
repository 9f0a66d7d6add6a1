using SyncDashboard.Core.Domain;

namespace SyncDashboard.Core.Sync.Queue;

/// <summary>
/// A user's outbox rows by state (every state present, zero when none) and how long the oldest row still waiting for its
/// first send has waited; null when none waits.
/// </summary>
public sealed record OutboxQueueStats(IReadOnlyDictionary<OutboxState, int> Counts, TimeSpan? OldestPendingAge)
{
    public int this[OutboxState state] => Counts.GetValueOrDefault(state);
}

