using System.Text.Json;
using System.Text.Json.Serialization;

namespace SyncDashboard.Emulators.Google;

/// <summary>Google's wire format: camelCase, nulls omitted.</summary>
public static class GoogleJson
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    /// <summary>RFC3339 in UTC with milliseconds, the way Google writes <c>created</c>/<c>updated</c>.</summary>
    public static string Timestamp(DateTimeOffset value) =>
        value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", System.Globalization.CultureInfo.InvariantCulture);
}
