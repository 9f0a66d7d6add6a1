namespace SyncDashboard.Web.Jobs;

/// <summary>The name (and service key) of this host's Quartz scheduler.</summary>
internal sealed record SyncScheduler(string Name);
