using System.Text.Json;
using System.Text.Json.Serialization;

namespace SyncDashboard.Core.Notion;

/// <summary>The parts of a Notion webhook event we read: it says "entity X changed", never what changed.</summary>
internal sealed record NotionWebhookEvent(string? Id, string? Type, [property: JsonPropertyName("attempt_number")] int? AttemptNumber,
    NotionWebhookEntity? Entity, List<NotionWebhookAuthor>? Authors)
{
    public bool ConcernsPages => Type is { } t &&
        (t.StartsWith("page.", StringComparison.Ordinal) || t.StartsWith("data_source.", StringComparison.Ordinal) || t.StartsWith("database.", StringComparison.Ordinal));

    /// <summary>
    /// Our own writes come back as events authored by our bot alone (a person's edit in the same aggregated event
    /// lists them as an author too).
    /// </summary>
    public bool IsOnlyBy(string? botId) =>
        botId is not null && Authors is { Count: > 0 } authors && authors.All(a => a.Type == "bot" && NotionCalendarProvider.SameId(a.Id, botId));

    public static NotionWebhookEvent? Parse(byte[] body)
    {
        try { return JsonSerializer.Deserialize<NotionWebhookEvent>(body, JsonSerializerOptions.Web); }
        catch (JsonException) { return null; }
    }

    /// <summary>The subscription's one unsigned request carries <c>verification_token</c>; null for anything else.</summary>
    public static string? ReadVerificationToken(byte[] body)
    {
        try
        {
            using var doc = JsonDocument.Parse(body);
            return doc.RootElement.ValueKind == JsonValueKind.Object
                && doc.RootElement.TryGetProperty("verification_token", out var t) && t.ValueKind == JsonValueKind.String
                && t.GetString() is { Length: > 0 and <= 200 } token ? token : null;
        }
        catch (JsonException) { return null; }
    }
}

internal sealed record NotionWebhookAuthor(string? Id, string? Type);

internal sealed record NotionWebhookEntity(string? Id, string? Type);
