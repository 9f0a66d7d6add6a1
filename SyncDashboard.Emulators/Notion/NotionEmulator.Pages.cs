using System.Text.Json.Nodes;

namespace SyncDashboard.Emulators.Notion;

public sealed partial class NotionEmulator
{
    internal const string ArchivedMessage = "Can't edit block that is archived. You must unarchive the block before editing.";

    /// <summary>POST /v1/pages. A null caller is the Notion user (demo page, tests).</summary>
    internal JsonObject CreatePage(ConnectionState? caller, JsonObject body, string version)
    {
        var (json, evt) = Write(s =>
        {
            if (body["parent"] is not JsonObject parent)
                throw NotionApiException.Validation("body.parent should be defined, instead was `undefined`.");
            DatabaseState db; DataSourceState ds;
            if (parent["data_source_id"]?.GetValue<string>() is { } dsId) (db, ds) = VisibleDataSource(s, caller, dsId);
            else if (parent["database_id"]?.GetValue<string>() is { } dbId)
            {
                db = VisibleDatabase(s, caller, dbId);
                ds = NotionRender.SingleDataSource(db);
            }
            else throw NotionApiException.Validation("body.parent.database_id or body.parent.data_source_id should be defined (only database parents are emulated).");
            if (db.InTrash) throw NotionApiException.Validation(ArchivedMessage);
            var values = ParseProperties(ds, body["properties"] as JsonObject);
            var now = RoundedNow();
            var actor = ActorId(s, caller, db);
            var page = new PageState
            {
                Id = NotionIds.NewId(), Sequence = s.NextSequence++, DatabaseId = db.Id, DataSourceId = ds.Id,
                CreatedTime = now, LastEditedTime = now, CreatedBy = actor, LastEditedBy = actor,
            };
            foreach (var (schema, value) in values) page.Values[schema.Name] = value;
            s.Pages.Add(page);
            return (NotionRender.Page(page, db, ds, version, Options.LinkBase),
                NewEvent("page.created", page, db, caller, actor, []));
        });
        _webhooks.Publish([evt]);
        return json;
    }

    /// <summary>PATCH /v1/pages/{id}: properties (only those sent change), in_trash / archived.</summary>
    internal JsonObject UpdatePage(ConnectionState? caller, string pageId, JsonObject body, string version)
    {
        var (json, events) = Write(s =>
        {
            var (page, db, ds) = VisiblePage(s, caller, pageId);
            bool? trash = Flag(body, "in_trash");
            if (body.ContainsKey("archived"))
            {
                if (!NotionVersion.HasArchived(version))
                    throw NotionApiException.Validation("body.archived is not supported in this version; use in_trash.");
                trash ??= Flag(body, "archived");
            }
            var props = body["properties"] as JsonObject;
            if (page.InTrash && trash != false && props is { Count: > 0 })
                throw NotionApiException.Validation(ArchivedMessage);
            var values = ParseProperties(ds, props);
            var actor = ActorId(s, caller, db);
            var events = new List<NotionPageEvent>();
            if (trash == false && page.InTrash)
            {
                page.InTrash = false;
                events.Add(NewEvent("page.undeleted", page, db, caller, actor, []));
            }
            var changed = new List<string>();
            foreach (var (schema, value) in values)
            {
                var old = page.Values.GetValueOrDefault(schema.Name) ?? NotionPropertyCodec.DefaultValue(schema.Type);
                if (JsonNode.DeepEquals(old, value)) continue;
                page.Values[schema.Name] = value;
                changed.Add(schema.Id);
            }
            if (changed.Count > 0) events.Add(NewEvent("page.properties_updated", page, db, caller, actor, changed));
            if (trash == true && !page.InTrash)
            {
                page.InTrash = true;
                events.Add(NewEvent("page.deleted", page, db, caller, actor, []));
            }
            if (events.Count > 0)
            {
                page.LastEditedTime = RoundedNow();
                page.LastEditedBy = actor;
            }
            return (NotionRender.Page(page, db, ds, version, Options.LinkBase), events);
        });
        _webhooks.Publish(events);
        return json;
    }

    private static bool? Flag(JsonObject body, string name) =>
        body[name] is JsonValue v && v.TryGetValue<bool>(out var b) ? b : body.ContainsKey(name) && body[name] is not null
            ? throw NotionApiException.Validation($"body.{name} should be a boolean.") : null;

    /// <summary>Parses every sent property before anything changes, so a bad one leaves the page untouched.</summary>
    private static List<(PropertySchemaState Schema, JsonNode? Value)> ParseProperties(DataSourceState ds, JsonObject? properties)
    {
        var result = new List<(PropertySchemaState, JsonNode?)>();
        foreach (var (key, input) in properties ?? [])
        {
            var schema = ds.Properties.FirstOrDefault(p => p.Name == key) ?? ds.Properties.FirstOrDefault(p => p.Id == key)
                ?? throw NotionApiException.Validation($"{key} is not a property that exists.");
            result.Add((schema, NotionPropertyCodec.Parse(schema, input)));
        }
        return result;
    }

    internal static (PageState Page, DatabaseState Db, DataSourceState Ds) VisiblePage(NotionState s, ConnectionState? caller, string id)
    {
        var norm = NotionIds.Normalize(id) ?? throw NotionApiException.Validation($"path.page_id should be a valid uuid, instead was `\"{id}\"`.");
        var page = s.Pages.FirstOrDefault(p => p.Id == norm) ?? throw NotionApiException.NotFound(norm);
        var db = s.Databases.First(d => d.Id == page.DatabaseId);
        if (!CanSee(caller, db)) throw NotionApiException.NotFound(norm);
        return (page, db, db.DataSources.First(d => d.Id == page.DataSourceId));
    }

    private static string ActorId(NotionState s, ConnectionState? caller, DatabaseState db) =>
        caller?.BotId ?? s.Workspaces.First(w => w.Id == db.WorkspaceId).UserId;

    private NotionPageEvent NewEvent(string type, PageState page, DatabaseState db, ConnectionState? caller, string actor, IReadOnlyList<string> updated) =>
        new(type, page.Id, db.Id, page.DataSourceId, db.WorkspaceId, actor, caller is null ? "person" : "bot", updated, Clock.GetUtcNow());
}

/// <summary>A page change that webhooks deliver (contract §13).</summary>
internal sealed record NotionPageEvent(string Type, string PageId, string DatabaseId, string DataSourceId, string WorkspaceId,
    string AuthorId, string AuthorType, IReadOnlyList<string> UpdatedProperties, DateTimeOffset Timestamp);
