using System.Text.Json.Nodes;

namespace SyncDashboard.Emulators.Notion;

/// <summary>A page as the Notion user sees it: values in response shape, keyed by property name.</summary>
public sealed record NotionPageSnapshot(string Id, string DatabaseId, string DataSourceId, bool InTrash,
    DateTimeOffset CreatedTime, DateTimeOffset LastEditedTime, IReadOnlyDictionary<string, JsonNode?> Values)
{
    /// <summary>Plain text of a title or rich_text property ("" when empty).</summary>
    public string Text(string property) => NotionRichText.PlainText(Values.GetValueOrDefault(property));

    public string? DateStart(string property) => Values.GetValueOrDefault(property)?["start"]?.GetValue<string>();
}

/// <summary>
/// Edits "as the Notion user" (what a person does in Notion's UI). They go through the same validation,
/// bump last_edited_time and fire webhooks just like API writes. Values use the request shapes (see <see cref="NotionValues"/>).
/// </summary>
public sealed partial class NotionEmulator
{
    public string CreatePageAsUser(string databaseOrDataSourceId, IReadOnlyDictionary<string, JsonNode?> properties)
    {
        var isDataSource = Read(s => s.Databases.Any(d => d.DataSources.Any(x => x.Id == NotionIds.Normalize(databaseOrDataSourceId))));
        var body = new JsonObject
        {
            ["parent"] = new JsonObject { [isDataSource ? "data_source_id" : "database_id"] = databaseOrDataSourceId },
            ["properties"] = ToObject(properties),
        };
        return CreatePage(null, body, NotionVersion.DataSources)["id"]!.GetValue<string>();
    }

    public void UpdatePageAsUser(string pageId, IReadOnlyDictionary<string, JsonNode?> properties) =>
        UpdatePage(null, pageId, new JsonObject { ["properties"] = ToObject(properties) }, NotionVersion.DataSources);

    public void TrashPageAsUser(string pageId) =>
        UpdatePage(null, pageId, new JsonObject { ["in_trash"] = true }, NotionVersion.DataSources);

    public void RestorePageAsUser(string pageId) =>
        UpdatePage(null, pageId, new JsonObject { ["in_trash"] = false }, NotionVersion.DataSources);

    /// <summary>The page object as the API would return it for <paramref name="version"/>, ignoring sharing.</summary>
    public JsonObject GetPageJson(string pageId, string version = NotionVersion.DataSources) => GetPage(null, pageId, version);

    public NotionPageSnapshot GetPageSnapshot(string pageId) => Read(s => Snapshot(VisiblePage(s, null, pageId).Page));

    public IReadOnlyList<NotionPageSnapshot> ListPages(string databaseId, bool includeTrashed = true) => Read(s =>
        s.Pages.Where(p => p.DatabaseId == NotionIds.Normalize(databaseId) && (includeTrashed || !p.InTrash))
            .OrderBy(p => p.Sequence).Select(Snapshot).ToList());

    private static NotionPageSnapshot Snapshot(PageState p) => new(p.Id, p.DatabaseId, p.DataSourceId, p.InTrash, p.CreatedTime,
        p.LastEditedTime, p.Values.ToDictionary(kv => kv.Key, kv => kv.Value?.DeepClone()));

    private static JsonObject ToObject(IReadOnlyDictionary<string, JsonNode?> properties)
    {
        var o = new JsonObject();
        foreach (var (k, v) in properties) o[k] = v?.DeepClone();
        return o;
    }
}

/// <summary>Builds property values in the request shape of contract §10.</summary>
public static class NotionValues
{
    public static JsonObject Title(string text) => new() { ["title"] = Texts(text) };

    public static JsonObject RichText(string text) => new() { ["rich_text"] = Texts(text) };

    public static JsonObject Date(string? start, string? end = null, string? timeZone = null) => new()
    {
        ["date"] = start is null ? null : new JsonObject { ["start"] = start, ["end"] = end, ["time_zone"] = timeZone },
    };

    public static JsonObject Checkbox(bool value) => new() { ["checkbox"] = value };

    public static JsonObject Select(string? name) => new() { ["select"] = name is null ? null : new JsonObject { ["name"] = name } };

    public static JsonObject Url(string? url) => new() { ["url"] = url };

    public static JsonObject Number(double? value) => new() { ["number"] = value };

    private static JsonArray Texts(string text) =>
        text.Length == 0 ? [] : [new JsonObject { ["type"] = "text", ["text"] = new JsonObject { ["content"] = text } }];
}
