using System.Text.Json.Serialization;

namespace SyncDashboard.Emulators.Google.Wire;

/// <summary>The Calendar v3 <c>Event</c> resource, limited to the fields that matter for sync.</summary>
public sealed record GoogleEvent
{
    public string? Kind { get; init; }
    public string? Etag { get; init; }
    public string? Id { get; init; }
    public string? Status { get; init; }
    public string? HtmlLink { get; init; }
    public string? Created { get; init; }
    public string? Updated { get; init; }
    public string? Summary { get; init; }
    public string? Description { get; init; }
    public string? Location { get; init; }
    public string? ColorId { get; init; }
    public string? Transparency { get; init; }
    public string? Visibility { get; init; }
    public EventDateTime? Start { get; init; }
    public EventDateTime? End { get; init; }
    public List<string>? Recurrence { get; init; }
    public string? RecurringEventId { get; init; }
    public EventDateTime? OriginalStartTime { get; init; }

    [JsonPropertyName("iCalUID")]
    public string? ICalUid { get; init; }

    public int? Sequence { get; init; }
    public ExtendedProperties? ExtendedProperties { get; init; }
    public string? EventType { get; init; }
}

/// <summary>Either <c>date</c> (all-day) or <c>dateTime</c> (+ optional IANA <c>timeZone</c>).</summary>
public sealed record EventDateTime(string? Date = null, string? DateTime = null, string? TimeZone = null);

public sealed record ExtendedProperties(
    Dictionary<string, string>? Private = null,
    Dictionary<string, string>? Shared = null);
