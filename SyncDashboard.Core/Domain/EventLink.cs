namespace SyncDashboard.Core.Domain;

/// <summary>One event as known to one integration (the seed's EventSync).</summary>
public sealed class EventLink
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid UserId { get; set; }
    public Guid EventId { get; set; }
    public CalendarEvent? Event { get; set; }
    public Guid IntegrationId { get; set; }
    /// <summary>Google event id or Notion page id; null until the first create succeeds.</summary>
    public string? ExternalId { get; set; }
    /// <summary>Google etag or Notion last_edited_time plus content hash, as returned by our last write or read.</summary>
    public string? RemoteVersion { get; set; }
    /// <summary>The field values last agreed with that side, as JSON: the base of three-way merges.</summary>
    public string? BaseFields { get; set; }
    /// <summary>
    /// Where a person opens the event on that side (Google's htmlLink, the Notion page's url), as the provider last
    /// reported it; only an absolute http(s) address is kept.
    /// </summary>
    public string? WebLink { get; set; }
    public LinkState State { get; set; }
    public string? LastError { get; set; }
    public DateTime? LastSyncedAt { get; set; }
    public DateTime? RemoteUpdatedAt { get; set; }
}
