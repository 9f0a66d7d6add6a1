using System.Security.Cryptography;

namespace SyncDashboard.Emulators.Notion;

internal static class NotionIds
{
    public static string NewId() => Guid.NewGuid().ToString("D");

    /// <summary>Dashes are optional in requests: normalise to the dashed lower-case form, or null when not a UUID.</summary>
    public static string? Normalize(string? id) =>
        id is not null && Guid.TryParse(id, out var g) ? g.ToString("D") : null;

    public static string Compact(string id) => id.Replace("-", "", StringComparison.Ordinal);

    public static string Random(string prefix, int bytes = 24) =>
        prefix + Convert.ToHexString(RandomNumberGenerator.GetBytes(bytes)).ToLowerInvariant();

    /// <summary>Short property ids in the style Notion uses (url-safe, 4 chars).</summary>
    public static string PropertyId()
    {
        const string alphabet = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
        return new string(RandomNumberGenerator.GetItems<char>(alphabet, 4));
    }
}
