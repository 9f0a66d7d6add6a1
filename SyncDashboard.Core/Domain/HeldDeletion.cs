namespace SyncDashboard.Core.Domain;

/// <summary>Named in the API ("INBOUND", "OUTBOUND", like every enum there: ADR 0018), never by our enum's numbers.</summary>
public enum HeldDirection { Inbound = 0, Outbound = 1 }

/// <summary>
/// A deletion the mass-delete guard stopped (ADR 0015) until the user applies or discards it. Inbound: the integration
/// reported the event deleted and the app still has it. Outbound: the app deleted the event and the integration still has
/// it (its outbox row waits in <see cref="OutboxState.Held"/>).
/// </summary>
public sealed class HeldDeletion
{
    public long Id { get; set; }
    public Guid UserId { get; set; }
    public Guid IntegrationId { get; set; }
    public Guid EventId { get; set; }
    public string? ExternalId { get; set; }
    public HeldDirection Direction { get; set; }
    public DateTime DetectedAt { get; set; }
}
