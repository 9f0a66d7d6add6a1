namespace SyncDashboard.Core.Sync.Outbox;

/// <summary>Wakes the outbox dispatcher right after a commit, so changes leave within seconds rather than at the next scheduled scan.</summary>
public interface IOutboxSignal
{
    void Notify();
    Task WaitAsync(TimeSpan timeout, CancellationToken ct);
}

internal sealed class OutboxSignal : IOutboxSignal
{
    private readonly SemaphoreSlim _signal = new(0, 1);

    public void Notify()
    {
        try { _signal.Release(); }
        catch (SemaphoreFullException) { /* already signalled; one wake-up covers every change */ }
    }

    public Task WaitAsync(TimeSpan timeout, CancellationToken ct) => _signal.WaitAsync(timeout, ct);
}
