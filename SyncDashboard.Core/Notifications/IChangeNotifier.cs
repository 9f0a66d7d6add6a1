namespace SyncDashboard.Core.Notifications;

/// <summary>
/// The one place "calendar changed" starts from. It numbers each message per user, records it for catch-up,
/// and hands it to in-process subscribers (Blazor circuits) and to every <see cref="IChangeSink"/> (the SignalR hub).
/// Kept behind an interface so a multi-node deployment can swap in a cross-node bus.
/// </summary>
public interface IChangeNotifier
{
    Task<CalendarChanged> PublishAsync(Guid userId, Guid? integrationId, IReadOnlyCollection<Guid> eventIds, CancellationToken ct = default);

    IDisposable Subscribe(Guid userId, Func<CalendarChanged, Task> handler);

    Task<ChangesSince> GetChangesSinceAsync(Guid userId, long since, CancellationToken ct = default);

    /// <summary>The last number sent to this user, so a new client knows where it starts.</summary>
    Task<long> GetCurrentSeqAsync(Guid userId, CancellationToken ct = default);
}

/// <summary>An outbound channel for change messages, implemented by the web host's SignalR hub.</summary>
public interface IChangeSink
{
    Task SendAsync(Guid userId, CalendarChanged change, CancellationToken ct);
}
