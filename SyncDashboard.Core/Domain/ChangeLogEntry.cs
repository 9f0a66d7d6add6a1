namespace SyncDashboard.Core.Domain;

/// <summary>
/// One <c>calendarChanged</c> message as sent, kept so a client that was away can ask for what it missed
/// (SignalR has no history of its own).
/// </summary>
public sealed class ChangeLogEntry
{
    public Guid UserId { get; set; }
    public long Seq { get; set; }
    public Guid? IntegrationId { get; set; }
    /// <summary>Comma-separated event ids.</summary>
    public required string EventIds { get; set; }
    public DateTime At { get; set; }
}
