using SyncDashboard.Core.Domain;

namespace SyncDashboard.Core.Sync.Activity;

public sealed record ActivityIntegration(Guid Id, string DisplayName, Provider Provider, bool Disconnected);

/// <summary>One pull or push run as the activity page lists it; <see cref="Held"/> counts deletions the mass-delete guard stopped.</summary>
public sealed record SyncRunDto(
    long Id, Guid IntegrationId, string Integration, Provider Provider, SyncRunKind Kind, SyncTrigger Trigger,
    DateTimeOffset StartedAt, int DurationMs, int Created, int Updated, int Deleted, int Failed, int Held, int Requests, string? Error);

/// <summary>One outbox row: a change owed to one integration, with its last error.</summary>
public sealed record OutboxChangeDto(
    long Id, Guid EventId, string EventTitle, Guid IntegrationId, string Integration, Provider Provider, OutboxOperation Operation,
    OutboxState State, int Attempts, string? LastError, DateTimeOffset UpdatedAt, bool CanRetry);

/// <summary>What the activity page is narrowed to; no states means the failed and dead-lettered changes.</summary>
public sealed record ActivityFilter(Guid? IntegrationId = null, IReadOnlyList<OutboxState>? States = null, int Take = 100)
{
    public static readonly IReadOnlyList<OutboxState> NeedsAttention = [OutboxState.Failed, OutboxState.DeadLettered];
}

public enum EventHistoryKind { CreatedInApp, CreatedElsewhere, Sent, Waiting, Retrying, GaveUp, Held, InSync }

/// <summary>One line of an event's history: what happened, where, when (the page words it and formats the time).</summary>
public sealed record EventHistoryEntry(
    EventHistoryKind Kind, DateTimeOffset? At, string? Integration = null, Provider? Provider = null, OutboxOperation? Operation = null, string? Error = null);
