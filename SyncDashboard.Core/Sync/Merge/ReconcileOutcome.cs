namespace SyncDashboard.Core.Sync.Merge;

/// <summary>What one pull changed in the app.</summary>
public sealed class ReconcileOutcome
{
    public HashSet<Guid> ChangedEventIds { get; } = [];
    public int Created { get; set; }
    public int Updated { get; set; }
    public int Deleted { get; set; }
    public int Conflicts { get; set; }
    public int Unchanged { get; set; }
}
