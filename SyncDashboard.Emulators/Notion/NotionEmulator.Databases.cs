namespace SyncDashboard.Emulators.Notion;

/// <summary>One schema property: name and Notion type (title, rich_text, date, checkbox, select, multi_select, url, email, phone_number, number).</summary>
public sealed record NotionPropertyDefinition(string Name, string Type, IReadOnlyList<string>? Options = null);

public sealed record NotionDatabaseInfo(string Id, string DataSourceId, string Title, string WorkspaceId);

public sealed record NotionDemoWorkspace(NotionWorkspaceInfo Workspace, NotionDatabaseInfo Calendar, NotionIntegrationToken InternalIntegration);

public sealed partial class NotionEmulator
{
    public const string DemoWorkspaceName = "Demo Workspace";

    /// <summary>The demo schema: Title, Date, Description, Location, Notes, plus Status (select) and Done (checkbox).</summary>
    public static IReadOnlyList<NotionPropertyDefinition> CalendarSchema { get; } =
    [
        new("Title", "title"), new("Date", "date"), new("Description", "rich_text"), new("Location", "rich_text"),
        new("Notes", "rich_text"), new("Status", "select", ["Planned", "Done", "Cancelled"]), new("Done", "checkbox"),
    ];

    /// <summary>Creates a database with one data source. Any schema is allowed, including "wrong" types for tests.</summary>
    public NotionDatabaseInfo CreateDatabase(string workspaceId, string title, IEnumerable<NotionPropertyDefinition> schema) => Write(s =>
    {
        var ws = RequireWorkspace(s, workspaceId);
        var now = RoundedNow();
        var db = new DatabaseState { Id = NotionIds.NewId(), WorkspaceId = ws.Id, Title = title, CreatedTime = now, LastEditedTime = now };
        db.DataSources.Add(NewDataSource(title, schema));
        s.Databases.Add(db);
        return new NotionDatabaseInfo(db.Id, db.DataSources[0].Id, title, ws.Id);
    });

    public NotionDatabaseInfo CreateCalendarDatabase(string workspaceId, string title = "Calendar") =>
        CreateDatabase(workspaceId, title, CalendarSchema);

    /// <summary>Adds a second data source to a database: old-version (2022-06-28) database calls then fail (contract §8).</summary>
    public string AddDataSource(string databaseId, string name, IEnumerable<NotionPropertyDefinition> schema) => Write(s =>
    {
        var ds = NewDataSource(name, schema);
        RequireDatabase(s, databaseId).DataSources.Add(ds);
        return ds.Id;
    });

    private static DataSourceState NewDataSource(string name, IEnumerable<NotionPropertyDefinition> schema)
    {
        var ds = new DataSourceState { Id = NotionIds.NewId(), Name = name };
        foreach (var p in schema)
        {
            var prop = new PropertySchemaState { Id = p.Type == "title" ? "title" : NotionIds.PropertyId(), Name = p.Name, Type = p.Type };
            prop.Options.AddRange((p.Options ?? []).Select(o => new SelectOptionState { Id = NotionIds.NewId(), Name = o }));
            ds.Properties.Add(prop);
        }
        if (ds.Properties.Count(p => p.Type == "title") != 1)
            throw new ArgumentException("A Notion database needs exactly one title property.", nameof(schema));
        return ds;
    }

    /// <summary>
    /// Creates (once) the demo workspace with a "Calendar" database shared with an internal integration; returns the ids and token.
    /// Called at start when <see cref="NotionEmulatorOptions.SeedDemo"/> is on and the state is empty.
    /// </summary>
    public NotionDemoWorkspace SeedDemo()
    {
        var existing = Read(s =>
        {
            var ws = s.Workspaces.FirstOrDefault(w => w.Name == DemoWorkspaceName);
            var db = ws is null ? null : s.Databases.FirstOrDefault(d => d.WorkspaceId == ws.Id && d.Title == "Calendar");
            var conn = db is null ? null : s.Connections.FirstOrDefault(c => !c.IsPublic && c.SharedDatabaseIds.Contains(db.Id));
            var token = conn is null ? null : s.Tokens.FirstOrDefault(t => t.BotId == conn.BotId && t.Kind == "access");
            return ws is null || db is null || conn is null || token is null ? null : new NotionDemoWorkspace(
                new(ws.Id, ws.Name, ws.UserId), new(db.Id, db.DataSources[0].Id, db.Title, ws.Id),
                new(token.Value, conn.BotId, conn.IntegrationId, ws.Id));
        });
        return existing ?? CreateCalendarWorkspace(DemoWorkspaceName);
    }

    /// <summary>A workspace with a "Calendar" database shared with an internal integration named for SyncDashboard.</summary>
    private NotionDemoWorkspace CreateCalendarWorkspace(string name, string userName = "Demo User", string? userEmail = null)
    {
        var workspace = CreateWorkspace(name, userName, userEmail: userEmail);
        // The database also has the text property SyncDashboard keeps its event ids in (what its setup guide asks for).
        var calendar = CreateDatabase(workspace.Id, "Calendar", [.. CalendarSchema, new("SyncDashboard ID", "rich_text")]);
        var integration = CreateInternalIntegration(workspace.Id, "SyncDashboard (internal)");
        ShareDatabase(calendar.Id, integration.BotId);
        return new NotionDemoWorkspace(workspace, calendar, integration);
    }

    public IReadOnlyList<NotionDatabaseInfo> Databases => Read(s =>
        s.Databases.Select(d => new NotionDatabaseInfo(d.Id, d.DataSources[0].Id, d.Title, d.WorkspaceId)).ToList());

    private static DatabaseState RequireDatabase(NotionState s, string id) =>
        s.Databases.FirstOrDefault(d => d.Id == NotionIds.Normalize(id)) ?? throw new ArgumentException($"Unknown database {id}", nameof(id));

    /// <summary>A database visible to the caller (null caller = the Notion user, who sees everything), else 404.</summary>
    internal static DatabaseState VisibleDatabase(NotionState s, ConnectionState? caller, string id)
    {
        var norm = NotionIds.Normalize(id) ?? throw NotionApiException.Validation($"path.database_id should be a valid uuid, instead was `\"{id}\"`.");
        var db = s.Databases.FirstOrDefault(d => d.Id == norm);
        return db is not null && CanSee(caller, db) ? db : throw NotionApiException.NotFound(norm);
    }

    internal static (DatabaseState Db, DataSourceState Ds) VisibleDataSource(NotionState s, ConnectionState? caller, string id)
    {
        var norm = NotionIds.Normalize(id) ?? throw NotionApiException.Validation($"path.data_source_id should be a valid uuid, instead was `\"{id}\"`.");
        foreach (var db in s.Databases)
            if (db.DataSources.FirstOrDefault(d => d.Id == norm) is { } ds && CanSee(caller, db)) return (db, ds);
        throw NotionApiException.NotFound(norm);
    }

    internal static bool CanSee(ConnectionState? caller, DatabaseState db) =>
        caller is null || (caller.WorkspaceId == db.WorkspaceId && caller.SharedDatabaseIds.Contains(db.Id));
}

public sealed partial class NotionEmulator
{
    /// <summary>Copy of the first data source's schema (for the demo page).</summary>
    internal IReadOnlyList<PropertySchemaState> SchemaOf(string databaseId) => Read(s =>
        RequireDatabase(s, databaseId).DataSources[0].Properties
            .Select(p => new PropertySchemaState { Id = p.Id, Name = p.Name, Type = p.Type, Options = [.. p.Options] }).ToList());
}
