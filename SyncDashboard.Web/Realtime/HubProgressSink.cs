using Microsoft.AspNetCore.SignalR;
using SyncDashboard.Core.Sync.Progress;

namespace SyncDashboard.Web.Realtime;

internal sealed class HubProgressSink(IHubContext<CalendarHub, ICalendarHubClient> hub) : ISyncProgressSink
{
    public Task SendAsync(Guid userId, SyncProgress progress, CancellationToken ct) =>
        hub.Clients.Group(CalendarHub.GroupFor(userId)).SyncProgress(progress);
}
