using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using SyncDashboard.Emulators.Google.Wire;

namespace SyncDashboard.Emulators.Google;

/// <summary>Validation and PATCH/PUT merging of event bodies, following the v3 write rules.</summary>
public static partial class EventEditing
{
    [GeneratedRegex("^[a-v0-9]{5,1024}$")]
    private static partial Regex Base32Hex();

    public static bool IsValidId(string id) => Base32Hex().IsMatch(id);

    /// <summary>Checks the user-writable fields and returns them normalised (dateTime in the event's zone).</summary>
    public static GoogleEvent Validate(GoogleEvent candidate, TimeZoneInfo calendarZone)
    {
        var start = EventTimes.Normalize(candidate.Start, "start", calendarZone);
        var end = EventTimes.Normalize(candidate.End, "end", calendarZone);
        if ((start.Date is null) != (end.Date is null))
        {
            throw GoogleApiException.Invalid("Start and end times must either both be date or both be dateTime.");
        }
        if (EventTimes.Instant(end, calendarZone) <= EventTimes.Instant(start, calendarZone))
        {
            throw GoogleApiException.TimeRangeEmpty();
        }
        var recurrence = candidate.Recurrence is { Count: > 0 } lines ? lines : null;
        if (recurrence is not null)
        {
            if (start.DateTime is not null && start.TimeZone is null)
            {
                throw GoogleApiException.Invalid("Missing time zone definition for start time.");
            }
            RecurrenceRule.Parse(recurrence);
        }
        var status = candidate.Status ?? "confirmed";
        if (status is not ("confirmed" or "tentative" or "cancelled"))
        {
            throw GoogleApiException.Invalid("Invalid value for: status.");
        }
        return candidate with { Start = start, End = end, Recurrence = recurrence, Status = status };
    }

    /// <summary>PUT: every writable field comes from the body; read-only fields stay the server's.</summary>
    public static GoogleEvent Replace(GoogleEvent current, GoogleEvent body) => body with
    {
        Kind = current.Kind, Etag = current.Etag, Id = current.Id, HtmlLink = current.HtmlLink,
        Created = current.Created, Updated = current.Updated, ICalUid = current.ICalUid,
        RecurringEventId = current.RecurringEventId, OriginalStartTime = current.OriginalStartTime,
        Status = body.Status ?? "confirmed", Sequence = body.Sequence ?? current.Sequence,
        EventType = current.EventType,
    };

    /// <summary>PATCH: fields present replace (arrays wholesale); extendedProperties merge per key, null deletes.</summary>
    public static GoogleEvent Merge(GoogleEvent current, JsonObject patch)
    {
        var result = current;
        foreach (var (key, node) in patch)
        {
            result = key switch
            {
                "summary" => result with { Summary = Str(node, key) },
                "description" => result with { Description = Str(node, key) },
                "location" => result with { Location = Str(node, key) },
                "status" => result with { Status = Str(node, key) },
                "colorId" => result with { ColorId = Str(node, key) },
                "transparency" => result with { Transparency = Str(node, key) },
                "visibility" => result with { Visibility = Str(node, key) },
                "start" => result with { Start = Read<EventDateTime>(node, key) },
                "end" => result with { End = Read<EventDateTime>(node, key) },
                "recurrence" => result with { Recurrence = Read<List<string>>(node, key) },
                "sequence" => result with { Sequence = Read<int?>(node, key) },
                "extendedProperties" => result with { ExtendedProperties = MergeProperties(result.ExtendedProperties, node) },
                _ => result, // read-only or unsupported fields are ignored, as Google does
            };
        }
        return result;
    }

    /// <summary>Turns a typed partial event into a PATCH document (null fields are "not sent").</summary>
    public static JsonObject ToPatch(GoogleEvent changes) =>
        JsonSerializer.SerializeToNode(changes, GoogleJson.Options)!.AsObject();

    private static ExtendedProperties? MergeProperties(ExtendedProperties? current, JsonNode? node)
    {
        if (node is not JsonObject obj)
        {
            return node is null ? null : throw GoogleApiException.Invalid("Invalid value for: extendedProperties.");
        }
        return new ExtendedProperties(
            MergeMap(current?.Private, obj, "private"),
            MergeMap(current?.Shared, obj, "shared"));
    }

    private static Dictionary<string, string>? MergeMap(Dictionary<string, string>? current, JsonObject parent, string name)
    {
        if (!parent.TryGetPropertyValue(name, out var node))
        {
            return current;
        }
        if (node is not JsonObject changes)
        {
            return node is null ? null : throw GoogleApiException.Invalid($"Invalid value for: extendedProperties.{name}.");
        }
        var merged = new Dictionary<string, string>(current ?? []);
        foreach (var (key, value) in changes)
        {
            if (value is null) { merged.Remove(key); }
            else { merged[key] = Str(value, key)!; }
        }
        return merged.Count == 0 ? null : merged;
    }

    private static string? Str(JsonNode? node, string field)
    {
        try
        {
            return node is null ? null
                : node is JsonValue v && v.TryGetValue<string>(out var s) ? s
                : throw GoogleApiException.Invalid($"Invalid value for: {field}.");
        }
        catch (InvalidOperationException) // text with a broken surrogate pair, which the node API reads only now
        {
            throw GoogleApiException.Invalid($"Invalid value for: {field}.");
        }
    }

    private static T? Read<T>(JsonNode? node, string field)
    {
        try { return node is null ? default : node.Deserialize<T>(GoogleJson.Options); }
        catch (JsonException) { throw GoogleApiException.Invalid($"Invalid value for: {field}."); }
    }
}
