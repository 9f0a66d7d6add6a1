using System.Text.Json;
using System.Text.Json.Serialization;

namespace SyncDashboard.Core.Notion;

/// <summary>
/// Which property of the Notion data source holds which event field (stored as JSON in <c>Integration.PropertyMapping</c>).
/// Title and Date are required; a null text field is simply not synced. <see cref="AppEventIdProperty"/> names a
/// rich_text property holding the app's event id, which makes a retried create exact; when the database has no such
/// property it is null and a retried create is matched by exact Title + Date among pages this connection created.
/// </summary>
public sealed record NotionPropertyMapping(
    string Title,
    string Date,
    string? Description = null,
    string? Location = null,
    string? Notes = null,
    // Written even when null: a missing key would read back as the default name.
    [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] string? AppEventIdProperty = NotionPropertyMapping.DefaultAppEventIdProperty)
{
    public const string DefaultAppEventIdProperty = "SyncDashboard ID";

    /// <summary>The names of the seeded "Calendar" database, preselected when present.</summary>
    public static NotionPropertyMapping Seed { get; } = new("Title", "Date", "Description", "Location", "Notes");

    public string ToJson() => JsonSerializer.Serialize(this, NotionClient.Json);

    public static NotionPropertyMapping? FromJson(string? json) =>
        string.IsNullOrWhiteSpace(json) ? null : JsonSerializer.Deserialize<NotionPropertyMapping>(json, NotionClient.Json);
}

/// <summary>
/// The outcome of checking a mapping against a schema: what to store (null while anything is wrong), what is wrong, what
/// the user should know, and the mapping as checked (for a form to show even when it has errors).
/// </summary>
public sealed record NotionMappingResult(NotionPropertyMapping? Mapping, IReadOnlyList<string> Errors, IReadOnlyList<string> Warnings,
    NotionPropertyMapping? Checked = null)
{
    public bool IsValid => Errors.Count == 0 && Mapping is not null;
}
