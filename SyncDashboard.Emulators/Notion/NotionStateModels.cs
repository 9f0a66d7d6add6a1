using System.Text.Json.Nodes;

namespace SyncDashboard.Emulators.Notion;

// Mutable state records, guarded by NotionEmulator's lock and saved as JSON when StatePath is set.
// Ids are stored dashed and lower case.

public sealed class NotionState
{
    public List<WorkspaceState> Workspaces { get; set; } = [];
    public List<ConnectionState> Connections { get; set; } = [];
    public List<DatabaseState> Databases { get; set; } = [];
    public List<PageState> Pages { get; set; } = [];
    public List<TokenState> Tokens { get; set; } = [];
    public List<WebhookSubscriptionState> Webhooks { get; set; } = [];
    public long NextSequence { get; set; } = 1;
}

public sealed class WorkspaceState
{
    public string Id { get; set; } = "";
    public string Name { get; set; } = "";
    public string UserId { get; set; } = "";
    public string UserName { get; set; } = "Demo User";
    public string UserEmail { get; set; } = "demo.user@example.com";

    /// <summary>The host's person this workspace belongs to (see <c>IEmulatorPeople</c>); null in a single-tenant emulator.</summary>
    public string? Owner { get; set; }

    /// <summary>Other people invited to the workspace (a team shares one); they see and connect it like the owner.</summary>
    public List<string> Members { get; set; } = [];

    public bool Admits(string person) => Owner == person || Members.Contains(person);
}

/// <summary>A bot: one integration installed in one workspace, with the databases shared with it.</summary>
public sealed class ConnectionState
{
    public string BotId { get; set; } = "";
    public string IntegrationId { get; set; } = "";
    public string IntegrationName { get; set; } = "";
    public string WorkspaceId { get; set; } = "";
    public bool IsPublic { get; set; }
    public HashSet<string> SharedDatabaseIds { get; set; } = [];
}

public sealed class TokenState
{
    public string Value { get; set; } = "";
    public string Kind { get; set; } = "access"; // access | refresh | code
    public string BotId { get; set; } = "";
    public string? RedirectUri { get; set; }
    public DateTimeOffset IssuedAt { get; set; }
}

public sealed class DatabaseState
{
    public string Id { get; set; } = "";
    public string WorkspaceId { get; set; } = "";
    public string Title { get; set; } = "";
    public bool InTrash { get; set; }
    public DateTimeOffset CreatedTime { get; set; }
    public DateTimeOffset LastEditedTime { get; set; }
    public List<DataSourceState> DataSources { get; set; } = [];
}

public sealed class DataSourceState
{
    public string Id { get; set; } = "";
    public string Name { get; set; } = "";
    public List<PropertySchemaState> Properties { get; set; } = [];
}

public sealed class PropertySchemaState
{
    public string Id { get; set; } = "";
    public string Name { get; set; } = "";
    public string Type { get; set; } = "";
    public List<SelectOptionState> Options { get; set; } = [];
}

public sealed class SelectOptionState
{
    public string Id { get; set; } = "";
    public string Name { get; set; } = "";
    public string Color { get; set; } = "default";
}

public sealed class PageState
{
    public string Id { get; set; } = "";
    public long Sequence { get; set; }
    public string DatabaseId { get; set; } = "";
    public string DataSourceId { get; set; } = "";
    public bool InTrash { get; set; }
    public DateTimeOffset CreatedTime { get; set; }
    public DateTimeOffset LastEditedTime { get; set; }
    public string CreatedBy { get; set; } = "";
    public string LastEditedBy { get; set; } = "";
    /// <summary>Property name → the type-specific value in response shape (e.g. the rich text array, the date object).</summary>
    public Dictionary<string, JsonNode?> Values { get; set; } = [];
}

public sealed class WebhookSubscriptionState
{
    public string Id { get; set; } = "";
    public string Url { get; set; } = "";
    public List<string>? EventTypes { get; set; }
    public string? BotId { get; set; }
    public string ApiVersion { get; set; } = NotionVersion.DataSources;
    public string VerificationToken { get; set; } = "";
    public bool Verified { get; set; }
}
