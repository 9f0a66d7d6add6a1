using SyncDashboard.Emulators.People;

namespace SyncDashboard.Emulators.Notion;

/// <summary>Which emulated Notion workspaces belong to which of the host's people.</summary>
public sealed partial class NotionEmulator
{
    // Serialises first visits, so two tabs opened at once do not make two workspaces; the state lock is taken inside.
    private readonly Lock _peopleGate = new();

    /// <summary>The workspaces <paramref name="person"/> owns or was invited to, oldest first.</summary>
    public IReadOnlyList<NotionWorkspaceInfo> WorkspacesOf(string person) => Read(s =>
        s.Workspaces.Where(w => w.Admits(person)).Select(w => new NotionWorkspaceInfo(w.Id, w.Name, w.UserId)).ToList());

    /// <summary>Whether <paramref name="person"/> is in the workspace a bot (connection) is installed in; null when the bot is unknown.</summary>
    public bool? AdmitsViaBot(string botId, string person) => Read(s =>
        s.Connections.FirstOrDefault(c => c.BotId == NotionIds.Normalize(botId)) is { } conn
            ? s.Workspaces.FirstOrDefault(w => w.Id == conn.WorkspaceId)?.Admits(person) ?? false
            : (bool?)null);

    /// <summary>Invites <paramref name="person"/> into a workspace, as a team member.</summary>
    public void AddWorkspaceMember(string workspaceId, string person) => Write(s =>
    {
        var ws = RequireWorkspace(s, workspaceId);
        if (!ws.Admits(person)) ws.Members.Add(person);
        return true;
    });

    /// <summary>Gives a workspace to <paramref name="owner"/>; one that is already someone else's is never taken over.</summary>
    public void ClaimWorkspace(string workspaceId, string owner) => Write(s =>
    {
        var ws = RequireWorkspace(s, workspaceId);
        if (ws.Owner is { } current && current != owner)
            throw new InvalidOperationException($"The emulated Notion workspace {ws.Name} belongs to someone else.");
        ws.Owner = owner;
        return true;
    });

    /// <summary>
    /// The person's workspace, made on first use like a new Notion account's: a "Calendar" database in the
    /// template's shape, shared with an internal integration whose secret the person copies into SyncDashboard.
    /// </summary>
    public NotionWorkspaceInfo EnsureWorkspaceOf(EmulatedPerson person)
    {
        lock (_peopleGate)
        {
            if (Read(s => s.Workspaces.FirstOrDefault(w => w.Owner == person.Key)) is { } own) return new NotionWorkspaceInfo(own.Id, own.Name, own.UserId);
            var created = CreateCalendarWorkspace($"{person.DisplayName}'s workspace", person.DisplayName, person.Email);
            ClaimWorkspace(created.Workspace.Id, person.Key);
            return created.Workspace;
        }
    }

    /// <summary>Internal integrations installed in a workspace, with their secrets (what notion.so/my-integrations shows its owner).</summary>
    public IReadOnlyList<NotionIntegrationToken> InternalIntegrationsOf(string workspaceId) => Read(s =>
        s.Connections.Where(c => !c.IsPublic && c.WorkspaceId == NotionIds.Normalize(workspaceId))
            .SelectMany(c => s.Tokens.Where(t => t.Kind == "access" && t.BotId == c.BotId).Take(1)
                .Select(t => new NotionIntegrationToken(t.Value, c.BotId, c.IntegrationId, c.WorkspaceId)))
            .ToList());

    /// <summary>The workspace holding a database, data source or page; null when there is none.</summary>
    public string? WorkspaceIdOf(string databaseDataSourceOrPageId) => Read(s =>
    {
        var id = NotionIds.Normalize(databaseDataSourceOrPageId);
        if (id is null) return null;
        var databaseId = s.Pages.FirstOrDefault(p => p.Id == id)?.DatabaseId ?? id;
        return s.Databases.FirstOrDefault(d => d.Id == databaseId || d.DataSources.Any(x => x.Id == databaseId))?.WorkspaceId;
    });

    public string? WorkspaceIdOfBot(string botId) => Read(s =>
        s.Connections.FirstOrDefault(c => c.BotId == NotionIds.Normalize(botId))?.WorkspaceId);

    public string? WorkspaceIdOfSubscription(string subscriptionId) => Read(s =>
        s.Webhooks.FirstOrDefault(w => w.Id == NotionIds.Normalize(subscriptionId)) is { BotId: { } bot }
            ? s.Connections.FirstOrDefault(c => c.BotId == bot)?.WorkspaceId
            : null);
}
