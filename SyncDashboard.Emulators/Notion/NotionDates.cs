using System.Globalization;
using System.Text.Json.Nodes;

namespace SyncDashboard.Emulators.Notion;

/// <summary>Date property semantics (contract §10): time_zone writes read back with the offset applied and time_zone null.</summary>
internal static class NotionDates
{
    private const string DateTimeFormat = "yyyy-MM-dd'T'HH:mm:ss.fffzzz";

    public static string FormatTimestamp(DateTimeOffset t) =>
        t.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    public static bool IsDateOnly(string s) => s.Length == 10 && DateOnly.TryParseExact(s, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _);

    private static bool HasOffset(string s) =>
        s.EndsWith('Z') || s.EndsWith('z') || (s.Length > 19 && (s[^6] == '+' || s[^6] == '-'));

    /// <summary>Normalises one date bound to its stored (response) form.</summary>
    public static string Normalize(string value, TimeZoneInfo? zone, string path)
    {
        if (IsDateOnly(value))
        {
            if (zone is not null)
                throw NotionApiException.Validation($"{path} should not be a date without time when time_zone is set.");
            return value;
        }
        if (zone is not null)
        {
            if (HasOffset(value))
                throw NotionApiException.Validation($"{path} should not have an offset when time_zone is set.");
            if (!DateTime.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.None, out var local))
                throw NotionApiException.Validation($"{path} should be a valid ISO 8601 date string, instead was `\"{value}\"`.");
            var offset = zone.GetUtcOffset(DateTime.SpecifyKind(local, DateTimeKind.Unspecified));
            return new DateTimeOffset(DateTime.SpecifyKind(local, DateTimeKind.Unspecified), offset).ToString(DateTimeFormat, CultureInfo.InvariantCulture);
        }
        // Without an offset or time zone Notion reads the time as UTC.
        var styles = HasOffset(value) ? DateTimeStyles.None : DateTimeStyles.AssumeUniversal;
        if (!DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, styles, out var parsed))
            throw NotionApiException.Validation($"{path} should be a valid ISO 8601 date string, instead was `\"{value}\"`.");
        return parsed.ToString(DateTimeFormat, CultureInfo.InvariantCulture);
    }

    /// <summary>Instant for comparisons; a date-only value counts as midnight UTC.</summary>
    public static DateTimeOffset? ToInstant(string? value)
    {
        if (string.IsNullOrEmpty(value)) return null;
        if (IsDateOnly(value)) return new DateTimeOffset(DateOnly.ParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        return DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var t) ? t : null;
    }

    public static JsonNode? ParseDate(JsonNode? node, string path)
    {
        if (node is null) return null;
        if (node is not JsonObject obj)
            throw NotionApiException.Validation($"{path} should be an object or `null`, instead was `{node.ToJsonString()}`.");
        var start = obj["start"] is JsonValue sv && sv.TryGetValue<string>(out var s) ? s : null;
        if (start is null)
            throw NotionApiException.Validation($"{path}.start should be defined, instead was `undefined`.");
        var end = obj["end"] is JsonValue ev && ev.TryGetValue<string>(out var e) ? e : null;
        TimeZoneInfo? zone = null;
        if (obj["time_zone"] is JsonValue zv && zv.TryGetValue<string>(out var zoneName))
        {
            if (!TimeZoneInfo.TryFindSystemTimeZoneById(zoneName, out zone))
                throw NotionApiException.Validation($"{path}.time_zone should be a valid IANA time zone, instead was `\"{zoneName}\"`.");
        }
        var normStart = Normalize(start, zone, path + ".start");
        var normEnd = end is null ? null : Normalize(end, zone, path + ".end");
        if (normEnd is not null && ToInstant(normEnd) < ToInstant(normStart))
            throw NotionApiException.Validation($"{path}.end should be on or after start.");
        return new JsonObject { ["start"] = normStart, ["end"] = normEnd, ["time_zone"] = null };
    }
}
