using Microsoft.AspNetCore.Http;

namespace SyncDashboard.Emulators.Google;

/// <summary>The events.list query parameters the emulator honours.</summary>
public sealed record EventListQuery
{
    public string? SyncToken { get; init; }
    public string? PageToken { get; init; }
    public int MaxResults { get; init; } = 250;
    public bool ShowDeleted { get; init; }
    public bool SingleEvents { get; init; }
    public string? TimeMin { get; init; }
    public string? TimeMax { get; init; }
    public string? UpdatedMin { get; init; }
    public string? OrderBy { get; init; }
    public string? Q { get; init; }
    public string? ICalUid { get; init; }
    public IReadOnlyList<string> PrivateExtendedProperty { get; init; } = [];
    public IReadOnlyList<string> SharedExtendedProperty { get; init; } = [];

    public static EventListQuery From(IQueryCollection query) => new()
    {
        SyncToken = One(query, "syncToken"),
        PageToken = One(query, "pageToken"),
        MaxResults = Int(query, "maxResults") is { } max ? Math.Min(max, 2500) : 250,
        ShowDeleted = Bool(query, "showDeleted"),
        SingleEvents = Bool(query, "singleEvents"),
        TimeMin = One(query, "timeMin"),
        TimeMax = One(query, "timeMax"),
        UpdatedMin = One(query, "updatedMin"),
        OrderBy = One(query, "orderBy"),
        Q = One(query, "q"),
        ICalUid = One(query, "iCalUID"),
        PrivateExtendedProperty = [.. query["privateExtendedProperty"].OfType<string>()],
        SharedExtendedProperty = [.. query["sharedExtendedProperty"].OfType<string>()],
    };

    /// <summary>Names of the set parameters that Google refuses alongside a syncToken.</summary>
    public IEnumerable<string> ForbiddenWithSyncToken()
    {
        if (TimeMin is not null) { yield return "timeMin"; }
        if (TimeMax is not null) { yield return "timeMax"; }
        if (UpdatedMin is not null) { yield return "updatedMin"; }
        if (OrderBy is not null) { yield return "orderBy"; }
        if (Q is not null) { yield return "q"; }
        if (ICalUid is not null) { yield return "iCalUID"; }
        if (PrivateExtendedProperty.Count > 0) { yield return "privateExtendedProperty"; }
        if (SharedExtendedProperty.Count > 0) { yield return "sharedExtendedProperty"; }
    }

    private static string? One(IQueryCollection query, string name) =>
        query.TryGetValue(name, out var v) && !string.IsNullOrEmpty(v.ToString()) ? v.ToString() : null;

    private static int? Int(IQueryCollection query, string name) => One(query, name) switch
    {
        null => null,
        var s when int.TryParse(s, out var n) && n >= 1 => n,
        _ => throw GoogleApiException.Invalid($"Invalid value for: {name}.", name),
    };

    private static bool Bool(IQueryCollection query, string name) => One(query, name) switch
    {
        null => false,
        var s when bool.TryParse(s, out var b) => b,
        _ => throw GoogleApiException.Invalid($"Invalid value for: {name}.", name),
    };
}
