using SyncDashboard.Core.Domain;

namespace SyncDashboard.Core.Sync.MassDelete;

/// <summary>
/// The deletions held for one integration in one direction: <see cref="HeldDirection.Inbound"/> came from that side,
/// <see cref="HeldDirection.Outbound"/> were made in the app and wait to be sent there. <see cref="Titles"/> holds the first few.
/// </summary>
public sealed record HeldDeletionGroup(
    Guid IntegrationId, Provider Provider, string IntegrationName, HeldDirection Direction, int Count, DateTimeOffset DetectedAt,
    IReadOnlyList<string> Titles);

/// <summary>What applying or discarding an integration's held deletions settled.</summary>
public sealed record HeldDeletionsSettled(Guid IntegrationId, int Inbound, int Outbound);
