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
    /// <summary>
    /// Copied into each sign-in cookie; replacing it (on sign-out) makes every cookie issued before unusable.
    /// </summary>
    public string SecurityStamp { get; set; } = Guid.NewGuid().ToString("N");
}
