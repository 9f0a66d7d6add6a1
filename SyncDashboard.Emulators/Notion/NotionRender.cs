using System.Text.Json.Nodes;

namespace SyncDashboard.Emulators.Notion;

/// <summary>Renders state as Notion objects, shaped by the request's Notion-Version (contract §8, §9).</summary>
internal static class NotionRender
{
    public static JsonObject User(string id) => new() { ["object"] = "user", ["id"] = id };

    public static JsonObject Page(PageState page, DatabaseState db, DataSourceState ds, string version, string baseUrl,
        ISet<string>? onlyProperties = null)
    {
        var properties = new JsonObject();
        foreach (var schema in ds.Properties)
        {
            if (onlyProperties is not null && !onlyProperties.Contains(schema.Id) && !onlyProperties.Contains(schema.Name)) continue;
            var value = page.Values.TryGetValue(schema.Name, out var v) ? v?.DeepClone() : NotionPropertyCodec.DefaultValue(schema.Type);
            properties[schema.Name] = new JsonObject { ["id"] = schema.Id, ["type"] = schema.Type, [schema.Type] = value };
        }
        var title = NotionRichText.PlainText(page.Values.GetValueOrDefault(ds.Properties.FirstOrDefault(p => p.Type == "title")?.Name ?? ""));
        var o = new JsonObject
        {
            ["object"] = "page",
            ["id"] = page.Id,
            ["created_time"] = NotionDates.FormatTimestamp(page.CreatedTime),
            ["last_edited_time"] = NotionDates.FormatTimestamp(page.LastEditedTime),
            ["created_by"] = User(page.CreatedBy),
            ["last_edited_by"] = User(page.LastEditedBy),
            ["cover"] = null,
            ["icon"] = null,
            ["parent"] = NotionVersion.HasDataSources(version)
                ? new JsonObject { ["type"] = "data_source_id", ["data_source_id"] = ds.Id, ["database_id"] = db.Id }
                : new JsonObject { ["type"] = "database_id", ["database_id"] = db.Id },
            ["in_trash"] = page.InTrash,
        };
        if (NotionVersion.HasArchived(version)) o["archived"] = page.InTrash;
        o["is_locked"] = false;
        o["properties"] = properties;
        o["url"] = Url(baseUrl, title, page.Id);
        o["public_url"] = null;
        return o;
    }

    public static string Url(string baseUrl, string title, string id)
    {
        var slug = string.Join('-', title.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(w => new string(w.Where(char.IsLetterOrDigit).ToArray())).Where(w => w.Length > 0));
        return $"{baseUrl.TrimEnd('/')}/{(slug.Length > 0 ? slug + "-" : "")}{NotionIds.Compact(id)}";
    }

    private static JsonObject Schema(DataSourceState ds)
    {
        var props = new JsonObject();
        foreach (var p in ds.Properties) props[p.Name] = NotionPropertyCodec.RenderSchema(p);
        return props;
    }

    private static void Common(JsonObject o, DatabaseState db, string title, string version, string baseUrl)
    {
        o["created_time"] = NotionDates.FormatTimestamp(db.CreatedTime);
        o["last_edited_time"] = NotionDates.FormatTimestamp(db.LastEditedTime);
        o["title"] = NotionRichText.FromPlain(title);
        o["description"] = new JsonArray();
        o["icon"] = null;
        o["cover"] = null;
        o["in_trash"] = db.InTrash;
        if (NotionVersion.HasArchived(version)) o["archived"] = db.InTrash;
        o["url"] = Url(baseUrl, title, db.Id);
        o["public_url"] = null;
    }

    public static JsonObject Database(DatabaseState db, string version, string baseUrl)
    {
        var o = new JsonObject { ["object"] = "database", ["id"] = db.Id };
        Common(o, db, db.Title, version, baseUrl);
        o["parent"] = new JsonObject { ["type"] = "workspace", ["workspace"] = true };
        o["is_inline"] = false;
        if (NotionVersion.HasDataSources(version))
            o["data_sources"] = new JsonArray(db.DataSources.Select(d => (JsonNode)new JsonObject { ["id"] = d.Id, ["name"] = d.Name }).ToArray());
        else
            o["properties"] = Schema(SingleDataSource(db));
        return o;
    }

    public static JsonObject DataSource(DatabaseState db, DataSourceState ds, string version, string baseUrl)
    {
        var o = new JsonObject { ["object"] = "data_source", ["id"] = ds.Id };
        Common(o, db, ds.Name, version, baseUrl);
        o["parent"] = new JsonObject { ["type"] = "database_id", ["database_id"] = db.Id };
        o["database_parent"] = new JsonObject { ["type"] = "workspace", ["workspace"] = true };
        o["properties"] = Schema(ds);
        return o;
    }

    /// <summary>Old versions cannot address a database holding more than one data source (contract §8).</summary>
    public static DataSourceState SingleDataSource(DatabaseState db) => db.DataSources.Count == 1
        ? db.DataSources[0]
        : throw NotionApiException.Validation(
            $"Database {db.Id} has multiple data sources. Use Notion-Version {NotionVersion.DataSources} or later and address a data source.");

    public static JsonObject List(IEnumerable<JsonNode> results, string? nextCursor, string version) => new()
    {
        ["object"] = "list",
        ["results"] = new JsonArray(results.ToArray()),
        ["next_cursor"] = nextCursor,
        ["has_more"] = nextCursor is not null,
        ["type"] = NotionVersion.HasDataSources(version) ? "page_or_data_source" : "page_or_database",
        [NotionVersion.HasDataSources(version) ? "page_or_data_source" : "page_or_database"] = new JsonObject(),
    };
}
