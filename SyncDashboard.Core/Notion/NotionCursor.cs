using System.Text.Json;

namespace SyncDashboard.Core.Notion;

/// <summary>
/// A Notion integration's poll position: <c>{"since":"…","dataSourceId":"…","seen":{"pageId":"version"}}</c>.
/// <see cref="Since"/> is the newest <c>last_edited_time</c> seen; the next poll asks for pages edited on or after
/// Since − 1 minute, because Notion rounds the time to the minute. <see cref="Seen"/> holds the versions of the pages
/// inside that overlap, so the overlap is not reported twice (an idle poll returns nothing, in one request). Since
/// also follows our clock, <see cref="SettleTime"/> behind it, so a burst of edits stops being re-listed a few minutes
/// after it happened even when nothing newer is edited.
/// </summary>
public sealed record NotionCursor(DateTimeOffset? Since, string? DataSourceId, Dictionary<string, string>? Seen = null)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull,
    };

    /// <summary>Past this many pages edited within one overlap window, dedupe is left to the engine's version check.</summary>
    public const int MaxSeen = 1000;

    public static readonly TimeSpan Overlap = TimeSpan.FromMinutes(1);

    /// <summary>How long after an edit we trust Notion's query to show it (its indexing lag, plus clock skew).</summary>
    public static readonly TimeSpan SettleTime = TimeSpan.FromMinutes(5);

    public string ToJson() => JsonSerializer.Serialize(this, Json);

    /// <summary>The cursor, or null when <paramref name="json"/> is empty or not one of ours.</summary>
    public static NotionCursor? TryParse(string? json)
    {
        if (string.IsNullOrWhiteSpace(json)) return null;
        try { return JsonSerializer.Deserialize<NotionCursor>(json, Json); }
        catch (JsonException) { return null; }
    }
}
