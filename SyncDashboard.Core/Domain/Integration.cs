namespace SyncDashboard.Core.Domain;

/// <summary>One connected Google calendar or Notion database of a user.</summary>
public sealed class Integration
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid UserId { get; set; }
    public Provider Provider { get; set; }
    public Guid? CredentialId { get; set; }
    public ProviderCredential? Credential { get; set; }
    public required string DisplayName { get; set; }
    /// <summary>Google calendar id or Notion database id.</summary>
    public required string ExternalId { get; set; }
    public SyncDirection Direction { get; set; }
    /// <summary>Events created in the app are exported to the home calendar (Google) or database (Notion).</summary>
    public bool IsHome { get; set; }
    /// <summary>The colour the user picked for its events ("#rrggbb"); null takes the next one of the palette.</summary>
    public string? Color { get; set; }
    /// <summary>Google <c>nextSyncToken</c> or Notion last-edited cursor; moved only after its changes are committed.</summary>
    public string? Cursor { get; set; }
    public string? ChannelId { get; set; }
    public string? ChannelResourceId { get; set; }
    /// <summary>Secret echoed by Google in X-Goog-Channel-Token, sealed like the OAuth tokens.</summary>
    public string? ChannelTokenProtected { get; set; }
    public DateTime? ChannelExpiresAt { get; set; }
    /// <summary>Notion property mapping as JSON (event field → property name).</summary>
    public string? PropertyMapping { get; set; }
    /// <summary>Notion webhook verification token (HMAC key) the owner confirmed as their subscription's, sealed.</summary>
    public string? WebhookSecretProtected { get; set; }
    /// <summary>SHA-256 (hex) of the secret in the Notion webhook URL; deliveries find their integration by it.</summary>
    public string? WebhookKeyHash { get; set; }
    /// <summary>The same URL secret, sealed, so Settings can show the URL again.</summary>
    public string? WebhookKeyProtected { get; set; }
    /// <summary>Verification requests are accepted until then (the owner pressed "Set up webhook"); UTC.</summary>
    public DateTime? WebhookSetupUntil { get; set; }
    /// <summary>A verification token received during set-up, sealed, waiting for the owner to confirm it.</summary>
    public string? WebhookPendingTokenProtected { get; set; }
    public DateTime? WebhookPendingTokenAt { get; set; }
    public DateTime? LastSyncAt { get; set; }
    public DateTime? LastFullScanAt { get; set; }
    public string? LastSyncError { get; set; }
    public IntegrationStatus Status { get; set; }
    public bool IsActive { get; set; } = true;
    /// <summary>
    /// Set while the user has paused the integration (UTC): nothing is pulled or sent, but the app's changes still queue
    /// for it, so resuming sends them. A paused integration stays connected (<see cref="IsActive"/>).
    /// </summary>
    public DateTime? PausedAt { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }

    public bool IsPaused => PausedAt is not null;
    public bool CanExport => IsActive && Direction != SyncDirection.ImportOnly;
    public bool CanImport => IsActive && Direction != SyncDirection.ExportOnly;

    /// <summary>
    /// The provider refused the grant: this integration, and through its credential every other integration using
    /// that grant, wait for the user to reconnect (the credential must be loaded).
    /// </summary>
    public void MarkNeedsReconnect(string reason)
    {
        Status = IntegrationStatus.NeedsReconnect;
        LastSyncError = reason;
        if (Credential is { } credential)
        {
            credential.NeedsReconnect = true;
            credential.LastError = reason;
        }
    }
}
