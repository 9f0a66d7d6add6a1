namespace SyncDashboard.Core.Sync.Polling;

/// <summary>
/// The recurring poll of each connected integration: Google's safety net for lost push notifications, Notion's poll
/// (its webhooks are optional, late and lossy). The host supplies it — the web app with one Quartz job per integration.
/// </summary>
public interface IIntegrationPollSchedule
{
    Task StartAsync(Guid integrationId, CancellationToken ct);

    Task StopAsync(Guid integrationId, CancellationToken ct);
}
