namespace SyncDashboard.Emulators.Notion;

/// <summary>The Notion-Version values the emulator switches response shapes on (contract §8).</summary>
public static class NotionVersion
{
    public const string Classic = "2022-06-28";
    public const string DataSources = "2025-09-03";
    public const string NoArchived = "2026-03-11";

    /// <summary>True when the version has data sources (2025-09-03 and later). Dates compare as strings.</summary>
    public static bool HasDataSources(string version) => string.CompareOrdinal(version, DataSources) >= 0;

    /// <summary>2026-03-11 removed the <c>archived</c> alias.</summary>
    public static bool HasArchived(string version) => string.CompareOrdinal(version, NoArchived) < 0;

    public static bool IsValid(string version) =>
        version.Length == 10 && DateOnly.TryParseExact(version, "yyyy-MM-dd", out _);
}
