using System.Collections.Concurrent;
using System.Threading.Channels;
using SyncDashboard.Core.Domain;

namespace SyncDashboard.Core.Sync.Pull;

public sealed record PullRequest(Guid IntegrationId, SyncTrigger Trigger);

/// <summary>
/// Pull requests waiting for the background worker. A burst of notifications for one integration coalesces into
/// one queued pull; a request that arrives while that pull runs queues exactly one more, so nothing is missed.
/// </summary>
public sealed class PullQueue
{
    private readonly Channel<PullRequest> _channel = Channel.CreateUnbounded<PullRequest>();
    private readonly ConcurrentDictionary<Guid, byte> _queued = new();

    /// <summary>False when a pull for the integration was already waiting (the request is folded into it).</summary>
    public bool Request(Guid integrationId, SyncTrigger trigger)
    {
        if (!_queued.TryAdd(integrationId, 0)) return false;
        _channel.Writer.TryWrite(new PullRequest(integrationId, trigger));
        return true;
    }

    public async IAsyncEnumerable<PullRequest> ReadAllAsync([System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct)
    {
        await foreach (var request in _channel.Reader.ReadAllAsync(ct))
        {
            // Taken off the "waiting" set before the pull starts, so changes during the pull trigger another one.
            _queued.TryRemove(request.IntegrationId, out _);
            yield return request;
        }
    }
}
