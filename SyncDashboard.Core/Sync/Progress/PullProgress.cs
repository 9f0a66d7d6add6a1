using SyncDashboard.Core.Domain;

namespace SyncDashboard.Core.Sync.Progress;

/// <summary>
/// One pull's progress as it goes: the provider reports pages as it reads them (synchronously, so the count is never
/// behind what was read), the puller the events applied per committed batch.
/// </summary>
internal sealed class PullProgress : IProgress<int>
{
    private readonly SyncProgressNotifier _notifier;
    private readonly Guid _userId;
    private SyncProgress _state;

    public PullProgress(SyncProgressNotifier notifier, Guid userId, Guid integrationId)
    {
        (_notifier, _userId) = (notifier, userId);
        _state = new SyncProgress(integrationId, SyncRunKind.Pull, SyncStage.Started, 0, 0, 0, 0, 0, default);
        _notifier.Report(_userId, _state);
    }

    public void Report(int pagesFetched) => Send(_state with { Stage = SyncStage.Fetching, PagesFetched = pagesFetched });

    public void Applied(int applied, int total) => Send(_state with { Stage = SyncStage.Applying, EventsApplied = applied, EventsTotal = total });

    public void Finished() => Send(_state with { Stage = SyncStage.Finished });

    private void Send(SyncProgress next)
    {
        _state = next;
        _notifier.Report(_userId, next);
    }
}
