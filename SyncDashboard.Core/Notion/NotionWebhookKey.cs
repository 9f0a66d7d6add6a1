using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;

namespace SyncDashboard.Core.Notion;

/// <summary>
/// The secret last segment of an integration's Notion webhook URL: 256 random bits, base64url. The database is searched
/// by its SHA-256 only; a lookup's timing can tell a caller about hashes, which they cannot steer towards a key, so no
/// separate constant-time comparison is needed.
/// </summary>
public static class NotionWebhookKey
{
    public const int Length = 43;

    public static string New() => Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));

    public static string Hash(string key) => Convert.ToHexStringLower(SHA256.HashData(Encoding.ASCII.GetBytes(key)));

    /// <summary>Anything else cannot be one of ours, so it is refused without asking the database.</summary>
    public static bool IsWellFormed(string? key) =>
        key is { Length: Length } && key.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');
}
