using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using SyncDashboard.Core.Domain;
using SyncDashboard.Core.Persistence;
using SyncDashboard.Core.Sync.Pull;

namespace SyncDashboard.Core.Sync.Polling;

/// <summary>One scheduled poll of one integration, whatever its provider.</summary>
public sealed class IntegrationPoller(
    IDbContextFactory<AppDbContext> dbFactory, PullQueue pulls, IEnumerable<IProviderPolling> polling, ILogger<IntegrationPoller> logger)
{
    private readonly Dictionary<Provider, IProviderPolling> _byProvider = polling.ToDictionary(p => p.Provider);

    /// <summary>How often integrations of <paramref name="provider"/> are polled.</summary>
    public TimeSpan IntervalFor(Provider provider) => _byProvider[provider].Interval;

    /// <summary>
    /// Queues an incremental pull (coalescing with webhook-triggered ones) and runs the provider's full scan when due.
    /// Returns false once the integration is gone or disconnected, so its schedule can be removed.
    /// </summary>
    public async Task<bool> PollAsync(Guid integrationId, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var integration = await db.Integrations.AsNoTracking().Where(i => i.Id == integrationId)
            .Select(i => new { i.IsActive, i.Provider, i.Direction, i.LastFullScanAt }).FirstOrDefaultAsync(ct);
        if (integration is not { IsActive: true })
        {
            logger.LogInformation("Integration {IntegrationId} is gone or disconnected; its poll stops", integrationId);
            return false;
        }
        if (integration.Direction == SyncDirection.ExportOnly) return true;
        pulls.Request(integrationId, SyncTrigger.Poll);
        await _byProvider[integration.Provider].ScanIfDueAsync(integrationId, integration.LastFullScanAt, ct);
        return true;
    }

    /// <summary>The provider of an active integration that has a poll, else null.</summary>
    public async Task<Provider?> PolledProviderAsync(Guid integrationId, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var provider = await db.Integrations.Where(i => i.Id == integrationId && i.IsActive).Select(i => (Provider?)i.Provider).FirstOrDefaultAsync(ct);
        return provider is { } p && _byProvider.ContainsKey(p) ? p : null;
    }

    /// <summary>The integrations that should be polled when the host starts.</summary>
    public async Task<IReadOnlyList<(Guid Id, Provider Provider)>> ActiveAsync(CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var rows = await db.Integrations.Where(i => i.IsActive).Select(i => new { i.Id, i.Provider }).ToListAsync(ct);
        return rows.Where(r => _byProvider.ContainsKey(r.Provider)).Select(r => (r.Id, r.Provider)).ToList();
    }
}
