using System.Globalization;
using SyncDashboard.Core.Domain;
using SyncDashboard.Core.Events;
using SyncDashboard.Core.Sync;

namespace SyncDashboard.Core.Google;

/// <summary>
/// Calendar v3 events ↔ the app's fields. All-day events use <c>date</c> with Google's exclusive end (the app keeps
/// the same convention); timed events use <c>dateTime</c> in the event's zone plus <c>timeZone</c>, so they come
/// back exactly as they went. Notes, which Google has no field for, ride in a private extended property.
/// </summary>
public static class GoogleEventMapper
{
    public const string AppEventIdProperty = "sdEventId";
    public const string NotesProperty = "sdNotes";

    /// <summary>Google ids are base32hex (a–v, 0–9); a GUID's hex digits are a subset, so the app id is a valid, retry-safe Google id.</summary>
    public static string GoogleIdFor(Guid appEventId) => appEventId.ToString("N");

    public static RemoteEvent ToRemote(GoogleEventResource e)
    {
        var appId = e.ExtendedProperties?.Private?.GetValueOrDefault(AppEventIdProperty) is { } s && Guid.TryParse(s, out var g) ? g : (Guid?)null;
        if (e.Status == "cancelled" || e.Start is null || e.End is null)
            return new RemoteEvent(e.Id!, e.Etag, true, null, ParseUpdated(e.Updated), appId, e.RecurringEventId, WebLinks.Safe(e.HtmlLink), OriginalStart(e));

        var allDay = e.Start.Date is not null;
        var (start, end) = allDay
            ? (ParseDate(e.Start.Date!), ParseDate(e.End.Date ?? e.Start.Date!))
            : (DateTimeOffset.Parse(e.Start.DateTime!, CultureInfo.InvariantCulture).UtcDateTime, DateTimeOffset.Parse(e.End.DateTime!, CultureInfo.InvariantCulture).UtcDateTime);
        var fields = new EventFields(
            Clip(string.IsNullOrWhiteSpace(e.Summary) ? "(No title)" : e.Summary.Trim(), EventLimits.TitleMax)!,
            Clip(e.Description, EventLimits.DescriptionMax),
            Clip(e.Location, EventLimits.LocationMax),
            Clip(e.ExtendedProperties?.Private?.GetValueOrDefault(NotesProperty), EventLimits.NotesMax),
            start, end <= start && !allDay ? start.AddMinutes(1) : end, allDay,
            allDay ? null : e.Start.TimeZone,
            e.Recurrence is { Count: > 0 } r ? string.Join('\n', r) : null);
        return new RemoteEvent(e.Id!, e.Etag, false, fields, ParseUpdated(e.Updated), appId, e.RecurringEventId, WebLinks.Safe(e.HtmlLink), OriginalStart(e));
    }

    /// <summary>Ids Google made for one occurrence of a series; ours (a GUID's hex) and imported series' ids have no '_'.</summary>
    public static bool IsInstanceId(string externalId) => externalId.Contains('_');

    private static DateTime? OriginalStart(GoogleEventResource e) =>
        e.RecurringEventId is null ? null
        : e.OriginalStartTime?.Date is { } date ? ParseDate(date)
        : DateTimeOffset.TryParse(e.OriginalStartTime?.DateTime, CultureInfo.InvariantCulture, DateTimeStyles.None, out var t) ? t.UtcDateTime
        : null;

    /// <param name="instance">An occurrence of a series: it has no rule of its own, and Google takes none.</param>
    public static GoogleEventResource ToGoogle(EventFields f, Guid appEventId, string? id = null, bool instance = false) => new()
    {
        Id = id,
        Status = "confirmed",
        Summary = f.Title,
        Description = f.Description ?? "",
        Location = f.Location ?? "",
        Start = ToGoogleTime(f.Start, f),
        End = ToGoogleTime(f.End, f),
        Recurrence = instance ? null : f.Recurrence is { Length: > 0 } r ? [.. r.Split('\n')] : [],
        ExtendedProperties = new GoogleExtendedProperties(new Dictionary<string, string?>
        {
            [AppEventIdProperty] = appEventId.ToString(),
            // null deletes the key on PATCH, so clearing notes in the app clears them here.
            [NotesProperty] = f.Notes,
        }),
    };

    private static GoogleEventDateTime ToGoogleTime(DateTime utc, EventFields f)
    {
        if (f.IsAllDay) return new GoogleEventDateTime(Date: utc.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        // Recurring events must name a zone (it decides how the rule expands across DST).
        var zoneId = f.TimeZone ?? (f.Recurrence is null ? null : "UTC");
        var zone = UpcomingWindow.FindZone(zoneId);
        var local = TimeZoneInfo.ConvertTime(new DateTimeOffset(utc, TimeSpan.Zero), zone);
        return new GoogleEventDateTime(DateTime: local.ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture), TimeZone: zoneId);
    }

    private static DateTime ParseDate(string date) =>
        DateTime.SpecifyKind(DateTime.ParseExact(date, "yyyy-MM-dd", CultureInfo.InvariantCulture), DateTimeKind.Utc);

    private static DateTime? ParseUpdated(string? updated) =>
        DateTimeOffset.TryParse(updated, CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d.UtcDateTime : null;

    private static string? Clip(string? s, int max) => string.IsNullOrWhiteSpace(s) ? null : s.Length <= max ? s : s[..max];
}
