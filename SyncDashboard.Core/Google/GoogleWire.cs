using System.Text.Json.Serialization;

namespace SyncDashboard.Core.Google;

// Calendar v3 resources, limited to what sync needs. Unknown fields are ignored on read; nulls are omitted on write.

public sealed record GoogleEventResource
{
    public string? Id { get; init; }
    public string? Etag { get; init; }
    public string? Status { get; init; }
    public string? HtmlLink { get; init; }
    public string? Updated { get; init; }
    public string? Summary { get; init; }
    public string? Description { get; init; }
    public string? Location { get; init; }
    public GoogleEventDateTime? Start { get; init; }
    public GoogleEventDateTime? End { get; init; }
    public List<string>? Recurrence { get; init; }
    public string? RecurringEventId { get; init; }
    public GoogleEventDateTime? OriginalStartTime { get; init; }
    public GoogleExtendedProperties? ExtendedProperties { get; init; }
}

public sealed record GoogleEventDateTime(string? Date = null, string? DateTime = null, string? TimeZone = null);

public sealed record GoogleExtendedProperties(Dictionary<string, string?>? Private = null, Dictionary<string, string?>? Shared = null);

public sealed record GoogleEventsPage(
    List<GoogleEventResource>? Items, string? NextPageToken, string? NextSyncToken, string? TimeZone);

public sealed record GoogleCalendarListEntry(
    string Id, string? Summary, string? SummaryOverride, bool? Primary, string? AccessRole, string? TimeZone, string? BackgroundColor)
{
    public string DisplayName => SummaryOverride ?? Summary ?? Id;
}

public sealed record GoogleCalendarListPage(List<GoogleCalendarListEntry>? Items, string? NextPageToken);

public sealed record GoogleWatchRequest(string Id, string Type, string Address, string Token, [property: JsonPropertyName("params")] Dictionary<string, string>? Params);

public sealed record GoogleChannel(string Id, string ResourceId, string? ResourceUri, string? Token, string? Expiration);

public sealed record GoogleStopRequest(string Id, string ResourceId);

public sealed record GoogleErrorBody(GoogleError? Error);

public sealed record GoogleError(int Code, string? Message, List<GoogleErrorItem>? Errors);

public sealed record GoogleErrorItem(string? Domain, string? Reason, string? Message);
