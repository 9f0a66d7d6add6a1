namespace SyncDashboard.Core.Domain;

/// <summary>A personal access token for the REST API. Only a SHA-256 hash of the secret is stored.</summary>
public sealed class ApiToken
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid UserId { get; set; }
    public required string Name { get; set; }
    /// <summary>The first characters of the token, shown in lists so a user can tell tokens apart.</summary>
    public required string Prefix { get; set; }
    public required string Hash { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime? LastUsedAt { get; set; }
    public DateTime? RevokedAt { get; set; }
}
