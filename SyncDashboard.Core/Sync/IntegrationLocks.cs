using System.Collections.Concurrent;

namespace SyncDashboard.Core.Sync;

/// <summary>
/// One sync run per integration at a time (pull or push): overlapping runs are how calendar-sync tools make duplicates.
/// In-process only; several nodes would need a lease in the database instead.
/// </summary>
public sealed class IntegrationLocks
{
    private readonly ConcurrentDictionary<Guid, SemaphoreSlim> _locks = new();

    public async Task<IDisposable> AcquireAsync(Guid integrationId, CancellationToken ct)
    {
        var gate = _locks.GetOrAdd(integrationId, _ => new SemaphoreSlim(1, 1));
        await gate.WaitAsync(ct);
        return new Releaser(gate);
    }

    private sealed class Releaser(SemaphoreSlim gate) : IDisposable
    {
        private int _released;
        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0) gate.Release();
        }
    }
}
