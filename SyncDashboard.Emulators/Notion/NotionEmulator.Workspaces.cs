namespace SyncDashboard.Emulators.Notion;

/// <summary>What the app or a test needs to call the API as an internal integration.</summary>
public sealed record NotionIntegrationToken(string Token, string BotId, string IntegrationId, string WorkspaceId);

public sealed record NotionWorkspaceInfo(string Id, string Name, string UserId);

public sealed partial class NotionEmulator
{
    /// <param name="owner">The host's person the workspace belongs to (see <see cref="ClaimWorkspace"/>).</param>
    public NotionWorkspaceInfo CreateWorkspace(string name, string userName = "Demo User", string? owner = null, string? userEmail = null) => Write(s =>
    {
        var ws = new WorkspaceState { Id = NotionIds.NewId(), Name = name, UserId = NotionIds.NewId(), UserName = userName, Owner = owner };
        if (userEmail is not null) ws.UserEmail = userEmail;
        s.Workspaces.Add(ws);
        return new NotionWorkspaceInfo(ws.Id, ws.Name, ws.UserId);
    });

    public IReadOnlyList<NotionWorkspaceInfo> Workspaces => Read(s => s.Workspaces.Select(w => new NotionWorkspaceInfo(w.Id, w.Name, w.UserId)).ToList());

    /// <summary>Creates an internal integration (connection) in a workspace and its static <c>ntn_</c> token.</summary>
    public NotionIntegrationToken CreateInternalIntegration(string workspaceId, string name = "Internal integration") => Write(s =>
    {
        var ws = RequireWorkspace(s, workspaceId);
        var conn = new ConnectionState { BotId = NotionIds.NewId(), IntegrationId = NotionIds.NewId(), IntegrationName = name, WorkspaceId = ws.Id };
        s.Connections.Add(conn);
        var token = new TokenState { Value = NotionIds.Random("ntn_"), Kind = "access", BotId = conn.BotId, IssuedAt = Clock.GetUtcNow() };
        s.Tokens.Add(token);
        return new NotionIntegrationToken(token.Value, conn.BotId, conn.IntegrationId, ws.Id);
    });

    /// <summary>Shares a database with a connection (bot); until then the bot gets 404 for it and its pages.</summary>
    public void ShareDatabase(string databaseId, string botId) => Write(s =>
    {
        var db = RequireDatabase(s, databaseId);
        var conn = s.Connections.FirstOrDefault(c => c.BotId == NotionIds.Normalize(botId))
            ?? throw new ArgumentException($"Unknown bot {botId}", nameof(botId));
        return conn.SharedDatabaseIds.Add(db.Id);
    });

    public void UnshareDatabase(string databaseId, string botId) => Write(s =>
        s.Connections.FirstOrDefault(c => c.BotId == NotionIds.Normalize(botId))?.SharedDatabaseIds.Remove(NotionIds.Normalize(databaseId) ?? "") ?? false);

    /// <summary>Resolves a bearer token to its connection, or null (→ 401).</summary>
    internal ConnectionState? Authenticate(string? token) => token is null ? null : Read(s =>
    {
        var t = s.Tokens.FirstOrDefault(x => x.Kind == "access" && x.Value == token);
        return t is null ? null : s.Connections.FirstOrDefault(c => c.BotId == t.BotId);
    });

    private static WorkspaceState RequireWorkspace(NotionState s, string id) =>
        s.Workspaces.FirstOrDefault(w => w.Id == NotionIds.Normalize(id)) ?? throw new ArgumentException($"Unknown workspace {id}", nameof(id));
}

public sealed partial class NotionEmulator
{
    /// <summary>GET /v1/users/me: the bot user of the calling connection.</summary>
    internal System.Text.Json.Nodes.JsonObject BotUser(ConnectionState caller) => Read(s => new System.Text.Json.Nodes.JsonObject
    {
        ["object"] = "user",
        ["id"] = caller.BotId,
        ["name"] = caller.IntegrationName,
        ["avatar_url"] = null,
        ["type"] = "bot",
        ["bot"] = new System.Text.Json.Nodes.JsonObject
        {
            ["owner"] = new System.Text.Json.Nodes.JsonObject { ["type"] = "workspace", ["workspace"] = true },
            ["workspace_name"] = s.Workspaces.FirstOrDefault(w => w.Id == caller.WorkspaceId)?.Name,
        },
    });
}
