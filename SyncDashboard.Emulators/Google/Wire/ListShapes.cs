namespace SyncDashboard.Emulators.Google.Wire;

public sealed record EventsPage
{
    public string Kind { get; init; } = "calendar#events";
    public required string Etag { get; init; }
    public required string Summary { get; init; }
    public string? Description { get; init; }
    public required string Updated { get; init; }
    public required string TimeZone { get; init; }
    public string AccessRole { get; init; } = "owner";
    public List<object> DefaultReminders { get; init; } = [];
    public string? NextPageToken { get; init; }
    public string? NextSyncToken { get; init; }
    public required List<GoogleEvent> Items { get; init; }
}

public sealed record CalendarListEntry
{
    public string Kind { get; init; } = "calendar#calendarListEntry";
    public required string Etag { get; init; }
    public required string Id { get; init; }
    public required string Summary { get; init; }
    public required string TimeZone { get; init; }
    public string AccessRole { get; init; } = "owner";
    public string BackgroundColor { get; init; } = "#9fe1e7";
    public string ForegroundColor { get; init; } = "#000000";
    public bool Selected { get; init; } = true;

    /// <summary>Google sends <c>primary</c> only on the primary calendar.</summary>
    public bool? Primary { get; init; }

    public List<object> DefaultReminders { get; init; } = [];
}

public sealed record CalendarListPage
{
    public string Kind { get; init; } = "calendar#calendarList";
    public required string Etag { get; init; }
    public string? NextPageToken { get; init; }
    public string? NextSyncToken { get; init; }
    public required List<CalendarListEntry> Items { get; init; }
}

public sealed record WatchRequest(
    string? Id,
    string? Type,
    string? Address,
    string? Token,
    long? Expiration,
    Dictionary<string, string>? Params);

public sealed record ChannelResponse
{
    public string Kind { get; init; } = "api#channel";
    public required string Id { get; init; }
    public required string ResourceId { get; init; }
    public required string ResourceUri { get; init; }
    public string? Token { get; init; }

    /// <summary>Milliseconds since the epoch, as a string like Google sends it.</summary>
    public required string Expiration { get; init; }
}

public sealed record StopChannelRequest(string? Id, string? ResourceId);
