using Microsoft.Extensions.Options;
using SyncDashboard.Core.Domain;
using SyncDashboard.Core.Sync;
using SyncDashboard.Core.Sync.Polling;

namespace SyncDashboard.Core.Google;

/// <summary>Google pushes changes; the poll is only the safety net for a lost notification. Sync tokens miss nothing, so no full scan.</summary>
internal sealed class GooglePolling(IOptions<SyncOptions> options) : IProviderPolling
{
    public Provider Provider => Provider.Google;

    public TimeSpan Interval => options.Value.SafetyNetInterval;

    public Task ScanIfDueAsync(Guid integrationId, DateTime? lastFullScanAt, CancellationToken ct) => Task.CompletedTask;
}
