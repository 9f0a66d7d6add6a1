namespace SyncDashboard.Core.Domain;

/// <summary>
/// One Idempotency-Key of one user: claimed while its first request runs (<see cref="StatusCode"/> null), then the answer
/// that request gave, replayed to every retry until <see cref="ExpiresAt"/>.
/// </summary>
public sealed class IdempotencyRecord
{
    public long Id { get; set; }
    public Guid UserId { get; set; }
    public required string Key { get; set; }
    /// <summary>SHA-256 (hex) of the request as bound: method, path and body. A retry must match it.</summary>
    public required string Fingerprint { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime ExpiresAt { get; set; }
    public int? StatusCode { get; set; }
    public string? ContentType { get; set; }
    public string? Location { get; set; }
    public string? Body { get; set; }
    public DateTime? CompletedAt { get; set; }
}
