namespace SyncDashboard.Core.Notion;

/// <summary>
/// The recurring poll of each connected Notion database (Notion's webhooks are optional, late and lossy). The host
/// supplies it — the web app with one Quartz job per integration.
/// </summary>
public interface INotionPollSchedule
{
    Task StartAsync(Guid integrationId, CancellationToken ct);

    Task StopAsync(Guid integrationId, CancellationToken ct);
}
