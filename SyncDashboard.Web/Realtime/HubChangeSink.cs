using Microsoft.AspNetCore.SignalR;
using SyncDashboard.Core.Notifications;

namespace SyncDashboard.Web.Realtime;

internal sealed class HubChangeSink(IHubContext<CalendarHub, ICalendarHubClient> hub) : IChangeSink
{
    public Task SendAsync(Guid userId, CalendarChanged change, CancellationToken ct) =>
        hub.Clients.Group(CalendarHub.GroupFor(userId)).CalendarChanged(change);
}
