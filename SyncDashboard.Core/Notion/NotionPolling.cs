using Microsoft.Extensions.Options;
using SyncDashboard.Core.Domain;
using SyncDashboard.Core.Sync.Polling;

namespace SyncDashboard.Core.Notion;

/// <summary>Notion is polled every <see cref="NotionOptions.PollInterval"/>, with the reconciliation scan for pages that vanished silently.</summary>
internal sealed class NotionPolling(IOptions<NotionOptions> options, NotionReconciliation reconciliation) : IProviderPolling
{
    public Provider Provider => Provider.Notion;

    public TimeSpan Interval => options.Value.PollInterval;

    public async Task ScanIfDueAsync(Guid integrationId, DateTime? lastFullScanAt, CancellationToken ct)
    {
        if (reconciliation.IsDue(lastFullScanAt)) await reconciliation.RunAsync(integrationId, ct);
    }
}
