using System.Text.Json.Serialization;
using SyncDashboard.Core.Domain;
using SyncDashboard.Core.Sync.Outbox;
using SyncDashboard.Core.Sync.Queue;
using SyncDashboard.Core.Sync.Status;

namespace SyncDashboard.Web.Sync;

/// <summary>
/// One integration as the setup guide lists it; <see cref="WebhookId"/> and <see cref="WebhookExpiry"/> are the Google push
/// channel (a Notion database's webhook has neither). The last four fields are the app's own additions.
/// </summary>
public sealed record GuideIntegration(
    Guid Id, Provider Provider, bool IsActive, DateTimeOffset? LastSyncAt, string? LastSyncError, string? WebhookId, DateTimeOffset? WebhookExpiry,
    string DisplayName, SyncDirection Direction, IntegrationStatus Status, int PendingChanges)
{
    public static GuideIntegration From(IntegrationStatusDto s) => new(
        s.Id, s.Provider, s.IsActive, s.LastSyncAt, s.LastSyncError, s.ChannelId, s.ChannelExpiresAt, s.DisplayName, s.Direction, s.Status, s.PendingChanges);
}

/// <summary>The user's outbox rows per state, named as the guide names them.</summary>
public sealed record GuideQueueCounts(
    [property: JsonPropertyName("PENDING")] int Pending,
    [property: JsonPropertyName("IN_FLIGHT")] int InFlight,
    [property: JsonPropertyName("COMPLETED")] int Completed,
    [property: JsonPropertyName("FAILED")] int Failed,
    [property: JsonPropertyName("DEAD_LETTERED")] int DeadLettered,
    [property: JsonPropertyName("HELD")] int Held);

/// <summary><c>GET /api/calendar/sync/queue</c>: <see cref="OldestPendingAge"/> in milliseconds, null when nothing is pending.</summary>
public sealed record GuideQueueStats(GuideQueueCounts Stats, long? OldestPendingAge)
{
    [JsonPropertyOrder(-1)] public bool Success => true;

    public static GuideQueueStats From(OutboxQueueStats s) => new(
        new(s[OutboxState.Pending], s[OutboxState.InFlight], s[OutboxState.Completed], s[OutboxState.Failed], s[OutboxState.DeadLettered], s[OutboxState.Held]),
        s.OldestPendingAge is { } age ? (long)age.TotalMilliseconds : null);
}

/// <summary><c>POST /api/calendar/sync/queue</c>: what the pass did with the user's due rows.</summary>
public sealed record GuideQueueProcessed(int Processed, int Sent, int Retrying, int DeadLettered, int Waiting)
{
    [JsonPropertyOrder(-1)] public bool Success => true;

    public static GuideQueueProcessed From(DispatchResult r) => new(r.Processed, r.Sent, r.Retrying, r.DeadLettered, r.Waiting);
}

/// <summary><c>DELETE /api/calendar/sync/queue?olderThan=N</c>: how many completed rows older than N days went.</summary>
public sealed record GuideQueueCleaned(int Deleted, int OlderThan)
{
    [JsonPropertyOrder(-1)] public bool Success => true;
}
