using SyncDashboard.Core.Domain;

namespace SyncDashboard.Core.Sync.Polling;

/// <summary>
/// Where polling differs between providers: how often, and the occasional full scan an API needs when its change
/// feed can miss deletions (Notion: pages unshared or purged). Everything else about a poll is the same.
/// </summary>
public interface IProviderPolling
{
    Provider Provider { get; }

    TimeSpan Interval { get; }

    /// <summary>Runs the provider's full scan of the integration when one is due; does nothing for providers without one.</summary>
    Task ScanIfDueAsync(Guid integrationId, DateTime? lastFullScanAt, CancellationToken ct);
}
