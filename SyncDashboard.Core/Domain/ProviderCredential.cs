namespace SyncDashboard.Core.Domain;

/// <summary>
/// One OAuth grant (or Notion internal token) of a user. Several integrations — e.g. three calendars of
/// one Google account — share it, so a refresh or a revocation is seen by all of them at once.
/// </summary>
public sealed class ProviderCredential
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid UserId { get; set; }
    public Provider Provider { get; set; }
    /// <summary>The account's name at the provider (Google e-mail, Notion workspace).</summary>
    public required string AccountName { get; set; }
    /// <summary>Token JSON sealed with AES-256-GCM by <c>ITokenProtector</c>; never stored or logged in clear.</summary>
    public required string ProtectedTokens { get; set; }
    public bool NeedsReconnect { get; set; }
    public string? LastError { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
}
