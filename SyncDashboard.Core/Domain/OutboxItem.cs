namespace SyncDashboard.Core.Domain;

/// <summary>
/// A change waiting to reach one integration (the seed's SyncQueue). Written in the same transaction
/// as the event change; the dispatcher sends the event's state at dispatch time, so a burst of edits
/// costs one remote write.
/// </summary>
public sealed class OutboxItem
{
    public long Id { get; set; }
    public Guid UserId { get; set; }
    public Guid EventId { get; set; }
    public Guid IntegrationId { get; set; }
    public OutboxOperation Operation { get; set; }
    public OutboxState State { get; set; }
    public int Attempts { get; set; }
    public DateTime NextAttemptAt { get; set; }

    /// <summary>
    /// While <see cref="OutboxState.InFlight"/>: until when the sender holds the row. Past it the row goes back in line
    /// (<see cref="SyncDashboard.Core.Sync.SyncOptions.InFlightLease"/>); null in every other state.
    /// </summary>
    public DateTime? LeaseExpiresAt { get; set; }
    public string? LastError { get; set; }

    /// <summary>
    /// A deletion the mass-delete guard does not judge again: relayed from another integration's pull (judged there, inbound)
    /// or applied by the user after a hold (ADR 0015).
    /// </summary>
    public bool GuardCleared { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
    public DateTime? CompletedAt { get; set; }
}
