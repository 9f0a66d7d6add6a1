using SyncDashboard.Core.Domain;

namespace SyncDashboard.Web.Calendar.Sources;

/// <summary>
/// Where events come from, as the calendar colours them: the app itself (<see cref="IntegrationId"/> null), or one
/// Google calendar or Notion database (<c>CalendarEvent.OriginIntegrationId</c>).
/// </summary>
public sealed record CalendarSource(Guid? IntegrationId, string Name, Provider? Provider, string Color, bool IsConnected)
{
    public static CalendarSource App { get; } = new(null, "This app", null, SourcePalette.App, true);

    /// <summary>"Google Calendar", "Notion", or "SyncDashboard" for the app's own events.</summary>
    public string Kind => Provider switch
    {
        Core.Domain.Provider.Google => "Google Calendar",
        Core.Domain.Provider.Notion => "Notion",
        _ => "SyncDashboard",
    };
}
