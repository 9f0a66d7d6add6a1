namespace SyncDashboard.Core.Domain;

public sealed class User
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public required string Email { get; set; }
    public required string DisplayName { get; set; }
    public string? PasswordHash { get; set; }
    /// <summary>IANA zone used to decide what "today" means for this user.</summary>
    public string TimeZone { get; set; } = "UTC";
    public bool IsDemo { get; set; }
    public DateTime CreatedAt { get; set; }
}
