using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.SignalR;
using SyncDashboard.Core.Notifications;
using SyncDashboard.Core.Sync.Progress;
using SyncDashboard.Web.Infrastructure;

namespace SyncDashboard.Web.Realtime;

public interface ICalendarHubClient
{
    Task CalendarChanged(CalendarChanged change);

    /// <summary>Where a running pull or drain is (pages fetched, events applied, changes sent); not numbered, not kept.</summary>
    Task SyncProgress(SyncProgress progress);
}

/// <summary>
/// Pushes <c>calendarChanged</c> to outside clients (the widget, other tabs' scripts). A connection joins its user's
/// group on every (re)connect, so membership survives reconnects; history is served by /api/calendar/changes.
/// </summary>
[Authorize]
public sealed class CalendarHub(IChangeNotifier notifier, HubConnections connections) : Hub<ICalendarHubClient>
{
    public static string GroupFor(Guid userId) => $"calendar:{userId}";

    public override async Task OnConnectedAsync()
    {
        connections.Track(Context);
        await Groups.AddToGroupAsync(Context.ConnectionId, GroupFor(Context.User!.GetUserId()));
        await base.OnConnectedAsync();
    }

    public override Task OnDisconnectedAsync(Exception? exception)
    {
        connections.Forget(Context.ConnectionId);
        return base.OnDisconnectedAsync(exception);
    }

    /// <summary>The last sequence number sent to this user, so a fresh client knows where it starts.</summary>
    public Task<long> CurrentSeq() => notifier.GetCurrentSeqAsync(Context.User!.GetUserId(), Context.ConnectionAborted);
}
