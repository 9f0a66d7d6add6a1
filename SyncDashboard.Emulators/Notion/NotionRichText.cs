using System.Text.Json.Nodes;

namespace SyncDashboard.Emulators.Notion;

/// <summary>Rich text arrays: request items in, response items out (contract §10), with the size limits of request-limits.</summary>
internal static class NotionRichText
{
    public const int MaxContent = 2000;
    public const int MaxItems = 100;

    public static JsonArray Parse(JsonNode? node, string path)
    {
        if (node is not JsonArray items)
            throw NotionApiException.Validation($"{path} should be an array, instead was `{node?.ToJsonString() ?? "undefined"}`.");
        if (items.Count > MaxItems)
            throw NotionApiException.Validation($"{path}.length should be ≤ `{MaxItems}`, instead was `{items.Count}`.");
        var result = new JsonArray();
        for (var i = 0; i < items.Count; i++)
            result.Add(ParseItem(items[i], $"{path}[{i}]"));
        return result;
    }

    private static JsonObject ParseItem(JsonNode? node, string path)
    {
        if (node is not JsonObject item)
            throw NotionApiException.Validation($"{path} should be an object.");
        var type = item["type"]?.GetValue<string>() ?? "text";
        if (type != "text" || item["text"] is not JsonObject text)
            throw NotionApiException.Validation($"{path}.text should be defined (only text items are emulated).");
        if (text["content"] is not JsonValue cv || !cv.TryGetValue<string>(out var content))
            throw NotionApiException.Validation($"{path}.text.content should be a string.");
        if (content.Length > MaxContent)
            throw NotionApiException.Validation($"{path}.text.content.length should be ≤ `{MaxContent}`, instead was `{content.Length}`.");
        string? url = text["link"] is JsonObject link ? link["url"]?.GetValue<string>() : null;
        if (url is { Length: > MaxContent })
            throw NotionApiException.Validation($"{path}.text.link.url.length should be ≤ `{MaxContent}`, instead was `{url.Length}`.");
        var a = item["annotations"] as JsonObject;
        return Item(content, url,
            Flag(a, "bold"), Flag(a, "italic"), Flag(a, "strikethrough"), Flag(a, "underline"), Flag(a, "code"),
            a?["color"]?.GetValue<string>() ?? "default");
    }

    private static bool Flag(JsonObject? a, string name) => a?[name] is JsonValue v && v.TryGetValue<bool>(out var b) && b;

    public static JsonObject Item(string content, string? url = null, bool bold = false, bool italic = false,
        bool strikethrough = false, bool underline = false, bool code = false, string color = "default") => new()
    {
        ["type"] = "text",
        ["text"] = new JsonObject { ["content"] = content, ["link"] = url is null ? null : new JsonObject { ["url"] = url } },
        ["annotations"] = new JsonObject
        {
            ["bold"] = bold, ["italic"] = italic, ["strikethrough"] = strikethrough,
            ["underline"] = underline, ["code"] = code, ["color"] = color,
        },
        ["plain_text"] = content,
        ["href"] = url,
    };

    public static JsonArray FromPlain(string text) => text.Length == 0 ? [] : [Item(text)];

    public static string PlainText(JsonNode? node) =>
        node is JsonArray arr ? string.Concat(arr.Select(i => i?["plain_text"]?.GetValue<string>() ?? "")) : "";
}
