namespace SyncDashboard.Core.Domain;

/// <summary>A field changed on both sides since the last agreement; settled automatically, shown to the user.</summary>
public sealed class Conflict
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid UserId { get; set; }
    public Guid EventId { get; set; }
    public Guid IntegrationId { get; set; }
    /// <summary>Comma-separated names of the colliding fields.</summary>
    public required string Fields { get; set; }
    public required string LocalFields { get; set; }
    public required string RemoteFields { get; set; }
    public string? BaseFields { get; set; }
    public ConflictOutcome Outcome { get; set; }
    public ConflictChoice? UserChoice { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime? ResolvedAt { get; set; }
}
