using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace SyncDashboard.Core.Notion;

// Notion API objects (2025-09-03), limited to what sync needs. Snake_case on the wire (see NotionClient.Json);
// property and dictionary keys (schema names such as "Title") are kept as they are. Nulls are omitted on write.

public sealed record NotionPage
{
    public string Id { get; init; } = "";
    public string? CreatedTime { get; init; }
    public string? LastEditedTime { get; init; }
    public bool InTrash { get; init; }
    /// <summary>Deprecated alias of in_trash (gone in 2026-03-11); read for older versions.</summary>
    public bool? Archived { get; init; }
    public NotionUserRef? CreatedBy { get; init; }
    public NotionParent? Parent { get; init; }
    public Dictionary<string, NotionPropertyValue>? Properties { get; init; }
    public string? Url { get; init; }

    [JsonIgnore] public bool IsTrashed => InTrash || Archived == true;
}

public sealed record NotionUserRef(string Id);

public sealed record NotionParent(string? Type = null, string? DatabaseId = null, string? DataSourceId = null);

/// <summary>One property value; only the member named by <see cref="Type"/> is set.</summary>
public sealed record NotionPropertyValue
{
    public string? Id { get; init; }
    public string? Type { get; init; }
    public List<NotionRichText>? Title { get; init; }
    public List<NotionRichText>? RichText { get; init; }
    public NotionDate? Date { get; init; }
}

public sealed record NotionRichText(string? Type = null, NotionText? Text = null, string? PlainText = null);

public sealed record NotionText(string Content);

/// <summary>
/// <c>start</c>/<c>end</c> are ISO dates or date-times; <c>time_zone</c> always reads back null. <c>end</c> is always
/// written, so shortening a range to one day clears the old end.
/// </summary>
public sealed record NotionDate(string Start, [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] string? End = null, string? TimeZone = null);

public sealed record NotionList<T>(List<T>? Results, string? NextCursor, bool HasMore);

public sealed record NotionDatabase(string Id, List<NotionRichText>? Title, List<NotionDataSourceRef>? DataSources);

public sealed record NotionDataSourceRef(string Id, string? Name);

public sealed record NotionDataSource(string Id, List<NotionRichText>? Title, NotionParent? Parent, Dictionary<string, NotionPropertySchema>? Properties)
{
    public string DisplayName => string.Concat((Title ?? []).Select(t => t.PlainText ?? t.Text?.Content));
}

public sealed record NotionPropertySchema(string Id, string Name, string Type);

public sealed record NotionUser(string Id, string? Name, string? Type, NotionBot? Bot = null);

public sealed record NotionBot(string? WorkspaceName);

/// <summary>Body of POST data_sources/{id}/query. Filter and sorts are free-form JSON (contract §9).</summary>
public sealed record NotionQueryRequest(JsonNode? Filter = null, JsonArray? Sorts = null, int PageSize = 100, string? StartCursor = null, bool? InTrash = null);

public sealed record NotionSearchRequest(string? Query, JsonObject? Filter, int PageSize = 100, string? StartCursor = null);

public sealed record NotionCreatePageRequest(NotionParent Parent, Dictionary<string, NotionPropertyValue> Properties);

public sealed record NotionUpdatePageRequest(Dictionary<string, NotionPropertyValue>? Properties = null, bool? InTrash = null);

public sealed record NotionErrorBody(string? Object, int Status, string? Code, string? Message, string? RequestId);

/// <summary>What ProviderCredential.ProtectedTokens holds for Notion, before sealing.</summary>
public sealed record NotionTokenSet(string AccessToken, string? RefreshToken = null, string? WorkspaceName = null, string? WorkspaceId = null, string? BotId = null);
