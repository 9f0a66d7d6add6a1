using Microsoft.EntityFrameworkCore;
using SyncDashboard.Core.Domain;
using SyncDashboard.Core.Notifications;
using SyncDashboard.Core.Persistence;

namespace SyncDashboard.Core.Events;

/// <summary>
/// Lets a request that has just written an event say whether the change reached each integration while it waited (the
/// setup guide's <c>externalSync</c>, ADR 0018). It is woken by the dispatcher's own "calendar changed" message, which
/// follows every send of an integration's rows, and reads the event's links only then: no polling.
/// </summary>
public sealed class DeliveryWatcher(IChangeNotifier notifier, IDbContextFactory<AppDbContext> dbFactory, TimeProvider clock)
{
    /// <summary>Start before the write, so a delivery that finishes before the wait begins still wakes it.</summary>
    public DeliveryWatch Watch(Guid userId) => new(notifier, dbFactory, clock, userId);
}

public sealed class DeliveryWatch : IDisposable
{
    private readonly SemaphoreSlim _woken = new(0, 1);
    private readonly IDisposable _subscription;
    private readonly IDbContextFactory<AppDbContext> _dbFactory;
    private readonly TimeProvider _clock;
    private readonly Guid _userId;

    internal DeliveryWatch(IChangeNotifier notifier, IDbContextFactory<AppDbContext> dbFactory, TimeProvider clock, Guid userId)
    {
        (_dbFactory, _clock, _userId) = (dbFactory, clock, userId);
        // Sends and pulls publish with their integration's id; the app's own writes (this one too) without.
        _subscription = notifier.Subscribe(userId, change =>
        {
            if (change.IntegrationId is not null) Wake();
            return Task.CompletedTask;
        });
    }

    /// <summary>
    /// The event's state with each integration once every one has settled — delivered, given up on, or failed once and
    /// waiting for its retry — or as it stands after <paramref name="max"/>.
    /// </summary>
    public async Task<IReadOnlyList<ExternalSyncStatus>> UntilSettledAsync(Guid eventId, TimeSpan max, CancellationToken ct)
    {
        using var deadline = new CancellationTokenSource(max > TimeSpan.Zero ? max : TimeSpan.Zero, _clock);
        using var either = CancellationTokenSource.CreateLinkedTokenSource(ct, deadline.Token);
        while (true)
        {
            var states = await ReadAsync(eventId, ct);
            if (deadline.IsCancellationRequested || states.All(Settled)) return states;
            try { await _woken.WaitAsync(either.Token); }
            catch (OperationCanceledException) when (!ct.IsCancellationRequested) { /* time is up: one last look */ }
        }
    }

    /// <summary>A retry's backoff is longer than anyone waits for an answer, so a first failure is an answer too.</summary>
    private static bool Settled(ExternalSyncStatus s) => s.State != LinkState.Pending || s.Error is not null;

    private async Task<IReadOnlyList<ExternalSyncStatus>> ReadAsync(Guid eventId, CancellationToken ct)
    {
        await using var db = await _dbFactory.CreateDbContextAsync(ct);
        return (await EventService.ExternalSyncOfAsync(db, _userId, [eventId], ct)).GetValueOrDefault(eventId) ?? [];
    }

    private void Wake()
    {
        try { _woken.Release(); }
        catch (SemaphoreFullException) { /* already woken; one look covers every message */ }
    }

    /// <summary>
    /// The semaphore is left to the collector: a message fanned out just before the unsubscription may still wake it, and
    /// without a wait handle it holds nothing to free.
    /// </summary>
    public void Dispose() => _subscription.Dispose();
}
