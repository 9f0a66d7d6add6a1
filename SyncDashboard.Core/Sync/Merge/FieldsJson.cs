using System.Text.Json;
using SyncDashboard.Core.Domain;

namespace SyncDashboard.Core.Sync.Merge;

/// <summary>How EventFields are stored in EventLink.BaseFields and Conflict rows.</summary>
public static class FieldsJson
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web);

    public static string Serialize(EventFields fields) => JsonSerializer.Serialize(fields, Options);

    public static EventFields? Deserialize(string? json) =>
        string.IsNullOrEmpty(json) ? null : JsonSerializer.Deserialize<EventFields>(json, Options);
}
