using System.ComponentModel.DataAnnotations;

namespace SyncDashboard.Core.Security;

/// <summary>
/// AES-256 keys by id. New values are sealed with <see cref="ActiveKeyId"/>; older ids stay listed until
/// everything sealed with them has been rewritten, which is how keys rotate.
/// </summary>
public sealed class TokenProtectionOptions
{
    public const string Section = "TokenProtection";

    [Required(ErrorMessage = "TokenProtection:ActiveKeyId is required (the id of the key that seals new tokens).")]
    public string ActiveKeyId { get; set; } = "";

    /// <summary>Key id → base64 of 32 random bytes.</summary>
    public Dictionary<string, string> Keys { get; set; } = [];
}
