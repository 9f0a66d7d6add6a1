namespace SyncDashboard.Core.Domain;

/// <summary>One pull or push run of one integration; feeds the status panel and the activity log.</summary>
public sealed class SyncRun
{
    public long Id { get; set; }
    public Guid UserId { get; set; }
    public Guid IntegrationId { get; set; }
    public SyncRunKind Kind { get; set; }
    public SyncTrigger Trigger { get; set; }
    public DateTime StartedAt { get; set; }
    public DateTime? FinishedAt { get; set; }
    public int DurationMs { get; set; }
    public int Created { get; set; }
    public int Updated { get; set; }
    public int Deleted { get; set; }
    public int Failed { get; set; }
    /// <summary>Deletions the mass-delete guard held in this run instead of applying or sending them (ADR 0015).</summary>
    public int Held { get; set; }
    public int Requests { get; set; }
    public string? Error { get; set; }
}
