using System.Text.Json.Serialization;

namespace SyncDashboard.Emulators.Notion;

/// <summary>An error the emulator answers with the Notion error object.</summary>
public sealed class NotionApiException(int status, string code, string message) : Exception(message)
{
    public int Status { get; } = status;
    public string Code { get; } = code;

    public static NotionApiException Validation(string message) => new(400, "validation_error", message);
    public static NotionApiException NotFound(string id) => new(404, "object_not_found",
        $"Could not find object with ID: {id}. Make sure the relevant pages and databases are shared with your integration.");
    public static NotionApiException InvalidGrant(string message) => new(400, "invalid_grant", message);
}

/// <summary>Wire shape of a Notion error (contract §11).</summary>
public sealed record NotionErrorBody(
    [property: JsonPropertyName("object")] string Object,
    [property: JsonPropertyName("status")] int Status,
    [property: JsonPropertyName("code")] string Code,
    [property: JsonPropertyName("message")] string Message,
    [property: JsonPropertyName("request_id")] string RequestId);
