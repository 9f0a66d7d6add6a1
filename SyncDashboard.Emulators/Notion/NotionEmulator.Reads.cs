using System.Text.Json.Nodes;

namespace SyncDashboard.Emulators.Notion;

public sealed partial class NotionEmulator
{
    public const int MaxPageSize = 100;

    internal JsonObject GetPage(ConnectionState? caller, string pageId, string version, ISet<string>? onlyProperties = null) => Read(s =>
    {
        var (page, db, ds) = VisiblePage(s, caller, pageId);
        return NotionRender.Page(page, db, ds, version, Options.LinkBase, onlyProperties);
    });

    internal JsonObject GetDatabase(ConnectionState? caller, string id, string version) =>
        Read(s => NotionRender.Database(VisibleDatabase(s, caller, id), version, Options.LinkBase));

    internal JsonObject GetDataSource(ConnectionState? caller, string id, string version) => Read(s =>
    {
        var (db, ds) = VisibleDataSource(s, caller, id);
        return NotionRender.DataSource(db, ds, version, Options.LinkBase);
    });

    /// <summary>POST databases/{id}/query (byDatabase) or data_sources/{id}/query.</summary>
    internal JsonObject Query(ConnectionState? caller, string id, bool byDatabase, JsonObject body, string version, ISet<string>? onlyProperties) => Read(s =>
    {
        DatabaseState db; DataSourceState ds;
        if (byDatabase)
        {
            db = VisibleDatabase(s, caller, id);
            ds = NotionRender.SingleDataSource(db);
        }
        else (db, ds) = VisibleDataSource(s, caller, id);
        var includeTrash = body["in_trash"] is JsonValue t && t.TryGetValue<bool>(out var it) && it
            || body["archived"] is JsonValue a && a.TryGetValue<bool>(out var ar) && ar;
        var filter = NotionQuery.BuildFilter(body["filter"], ds, Clock.GetUtcNow());
        var pages = s.Pages.Where(p => p.DataSourceId == ds.Id && (includeTrash || !p.InTrash) && filter(p))
            .Order(NotionQuery.BuildSort(body["sorts"], ds)).ToList();
        var (slice, next) = Slice(pages, p => p.Id, body);
        return NotionRender.List(slice.Select(p => (JsonNode)NotionRender.Page(p, db, ds, version, Options.LinkBase, onlyProperties)), next, version);
    });

    /// <summary>POST /v1/search: shared databases (or data sources from 2025-09-03) and pages, newest edit first.</summary>
    internal JsonObject Search(ConnectionState? caller, JsonObject body, string version) => Read(s =>
    {
        var newApi = NotionVersion.HasDataSources(version);
        var value = body["filter"]?["value"]?.GetValue<string>();
        var containerKind = newApi ? "data_source" : "database";
        if (value is not null && value != "page" && value != containerKind)
            throw NotionApiException.Validation($"body.filter.value should be `\"page\"` or `\"{containerKind}\"`, instead was `\"{value}\"`.");
        var query = body["query"]?.GetValue<string>() ?? "";
        var items = new List<(string Id, DateTimeOffset Edited, Func<JsonNode> Render)>();
        var dbs = s.Databases.Where(d => CanSee(caller, d) && !d.InTrash).ToList();
        if (value is null || value == containerKind)
            foreach (var db in dbs)
            {
                if (newApi)
                    items.AddRange(db.DataSources.Where(ds => ds.Name.Contains(query, StringComparison.OrdinalIgnoreCase))
                        .Select(ds => (ds.Id, db.LastEditedTime, (Func<JsonNode>)(() => NotionRender.DataSource(db, ds, version, Options.LinkBase)))));
                else if (db.Title.Contains(query, StringComparison.OrdinalIgnoreCase) && db.DataSources.Count == 1)
                    items.Add((db.Id, db.LastEditedTime, () => NotionRender.Database(db, version, Options.LinkBase)));
            }
        if (value is null || value == "page")
            foreach (var db in dbs)
                foreach (var p in s.Pages.Where(p => p.DatabaseId == db.Id && !p.InTrash))
                {
                    var ds = db.DataSources.First(d => d.Id == p.DataSourceId);
                    var title = NotionRichText.PlainText(p.Values.GetValueOrDefault(ds.Properties.First(x => x.Type == "title").Name));
                    if (title.Contains(query, StringComparison.OrdinalIgnoreCase))
                        items.Add((p.Id, p.LastEditedTime, () => NotionRender.Page(p, db, ds, version, Options.LinkBase)));
                }
        var ascending = body["sort"]?["direction"]?.GetValue<string>() == "ascending";
        var ordered = (ascending ? items.OrderBy(i => i.Edited) : items.OrderByDescending(i => i.Edited)).ThenBy(i => i.Id).ToList();
        var (slice, next) = Slice(ordered, i => i.Id, body);
        return NotionRender.List(slice.Select(i => i.Render()), next, version);
    });

    /// <summary>Cursor paging: the cursor is the id of the first item of the next page.</summary>
    private static (List<T> Slice, string? Next) Slice<T>(List<T> all, Func<T, string> id, JsonObject body)
    {
        var size = MaxPageSize;
        if (body["page_size"] is { } ps)
        {
            if (ps is not JsonValue v || !v.TryGetValue<int>(out size))
                throw NotionApiException.Validation($"body.page_size should be a number, instead was `{ps.ToJsonString()}`.");
            if (size > MaxPageSize) throw NotionApiException.Validation($"body.page_size should be ≤ `{MaxPageSize}`, instead was `{size}`.");
            if (size < 1) throw NotionApiException.Validation($"body.page_size should be ≥ `1`, instead was `{size}`.");
        }
        var start = 0;
        if (body["start_cursor"]?.GetValue<string>() is { } cursor)
        {
            var norm = NotionIds.Normalize(cursor);
            start = all.FindIndex(x => id(x) == norm);
            if (start < 0) throw NotionApiException.Validation("The start_cursor provided is invalid: " + cursor);
        }
        var slice = all.Skip(start).Take(size).ToList();
        var next = start + size < all.Count ? id(all[start + size]) : null;
        return (slice, next);
    }
}
