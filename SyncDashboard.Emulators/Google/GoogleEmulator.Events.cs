using System.Text;
using System.Text.Json.Nodes;
using SyncDashboard.Emulators.Google.State;
using SyncDashboard.Emulators.Google.Wire;

namespace SyncDashboard.Emulators.Google;

/// <summary>Event writes. <paramref name="asUser"/> null means "the calendar's owner, acting in the Google UI".</summary>
public sealed partial class GoogleEmulator
{
    public GoogleEvent InsertEvent(string calendarId, GoogleEvent input, string? asUser = null)
    {
        lock (_gate)
        {
            var calendar = Calendar(asUser ?? DefaultAccountEmail, calendarId, ownerCheck: asUser is not null);
            var id = input.Id;
            if (id is not null)
            {
                if (!EventEditing.IsValidId(id)) { throw GoogleApiException.InvalidId(); }
                if (calendar.Events.ContainsKey(id)) { throw GoogleApiException.Duplicate(); }
            }
            id ??= Guid.NewGuid().ToString("N");
            var body = EventEditing.Validate(input, Zone(calendar)) with
            {
                Kind = "calendar#event", Id = id, Created = GoogleJson.Timestamp(Now),
                HtmlLink = HtmlLink(calendar.Id, id), ICalUid = input.ICalUid ?? $"{id}@google.com",
                Sequence = input.Sequence ?? 0, EventType = "default", RecurringEventId = null, OriginalStartTime = null,
            };
            var stored = new StoredEvent { Body = body, Ordinal = ++calendar.NextOrdinal };
            calendar.Events[id] = stored;
            return Commit(calendar, stored, body);
        }
    }

    /// <summary>events.get: cancelled events included; instance ids of a series resolve to the computed instance.</summary>
    public GoogleEvent GetEvent(string calendarId, string eventId, string? asUser = null)
    {
        lock (_gate)
        {
            var calendar = Calendar(asUser ?? DefaultAccountEmail, calendarId, ownerCheck: asUser is not null);
            return Find(calendar, eventId).Body;
        }
    }

    public GoogleEvent UpdateEvent(string calendarId, string eventId, GoogleEvent body, string? ifMatch = null,
        string? asUser = null) =>
        Write(calendarId, eventId, ifMatch, asUser, current => EventEditing.Replace(current, body));

    public GoogleEvent PatchEvent(string calendarId, string eventId, JsonObject patch, string? ifMatch = null,
        string? asUser = null) =>
        Write(calendarId, eventId, ifMatch, asUser, current => EventEditing.Merge(current, patch));

    /// <summary>Convenience for seeding: every non-null field of <paramref name="changes"/> is patched in.</summary>
    public GoogleEvent PatchEvent(string calendarId, string eventId, GoogleEvent changes) =>
        PatchEvent(calendarId, eventId, EventEditing.ToPatch(changes));

    public void DeleteEvent(string calendarId, string eventId, string? ifMatch = null, string? asUser = null)
    {
        lock (_gate)
        {
            var calendar = Calendar(asUser ?? DefaultAccountEmail, calendarId, ownerCheck: asUser is not null);
            var stored = Find(calendar, eventId);
            if (stored.IsCancelled) { throw GoogleApiException.Deleted(); }
            CheckIfMatch(stored, ifMatch);
            calendar.Events[stored.Body.Id!] = stored;
            Commit(calendar, stored, stored.Body with { Status = "cancelled" });
            if (stored.IsSeriesMaster)
            {
                foreach (var exception in calendar.Events.Values
                             .Where(e => e.Body.RecurringEventId == eventId && !e.IsCancelled).ToList())
                {
                    Commit(calendar, exception, exception.Body with { Status = "cancelled" });
                }
            }
        }
    }

    /// <summary>Stored events (series masters, exceptions and singles) as they are, tombstones optional.</summary>
    public IReadOnlyList<GoogleEvent> Events(string calendarId, bool includeCancelled = false)
    {
        lock (_gate)
        {
            var calendar = Calendar(DefaultAccountEmail, calendarId, ownerCheck: false);
            return [.. calendar.Events.Values.OrderBy(e => e.Ordinal)
                .Where(e => includeCancelled || !e.IsCancelled).Select(e => e.Body)];
        }
    }

    private GoogleEvent Write(string calendarId, string eventId, string? ifMatch, string? asUser,
        Func<GoogleEvent, GoogleEvent> change)
    {
        lock (_gate)
        {
            var calendar = Calendar(asUser ?? DefaultAccountEmail, calendarId, ownerCheck: asUser is not null);
            var stored = Find(calendar, eventId);
            CheckIfMatch(stored, ifMatch);
            var current = stored.Body;
            var next = EventEditing.Validate(change(current), Zone(calendar));
            if (next.RecurringEventId is not null) { next = next with { Recurrence = null }; }
            if (next.Start != current.Start || next.End != current.End)
            {
                next = next with { Sequence = (current.Sequence ?? 0) + 1 };
            }
            calendar.Events[eventId] = stored; // materialises an instance exception on its first write
            return Commit(calendar, stored, next);
        }
    }

    private GoogleEvent Commit(CalendarState calendar, StoredEvent stored, GoogleEvent body)
    {
        var now = Now;
        stored.Body = body with { Etag = NextEtag(), Updated = GoogleJson.Timestamp(now) };
        stored.ChangeSeq = ++calendar.ChangeSeq;
        calendar.Updated = now;
        Persist();
        NotifyChannels(calendar);
        return stored.Body;
    }

    private static void CheckIfMatch(StoredEvent stored, string? ifMatch)
    {
        if (ifMatch is not null && ifMatch != "*" && ifMatch != stored.Body.Etag)
        {
            throw GoogleApiException.ConditionNotMet();
        }
    }

    /// <summary>A stored event, or a not-yet-stored instance of a live series (returned detached).</summary>
    private StoredEvent Find(CalendarState calendar, string eventId)
    {
        if (calendar.Events.TryGetValue(eventId, out var stored)) { return stored; }
        var cut = eventId.LastIndexOf('_');
        if (cut > 0 && calendar.Events.TryGetValue(eventId[..cut], out var master)
            && master.IsSeriesMaster && !master.IsCancelled)
        {
            var occurrence = Occurrences(calendar, master.Body, null).FirstOrDefault(o => o.InstanceId == eventId);
            if (occurrence is not null)
            {
                return new StoredEvent { Body = InstanceOf(master.Body, occurrence), Ordinal = ++calendar.NextOrdinal };
            }
        }
        throw GoogleApiException.NotFound();
    }

    private IEnumerable<Occurrence> Occurrences(CalendarState calendar, GoogleEvent master, DateTimeOffset? horizon) =>
        SeriesExpander.Expand(master, Zone(calendar), horizon, Options.MaxExpandedInstances);

    private static GoogleEvent InstanceOf(GoogleEvent master, Occurrence o) => master with
    {
        Id = o.InstanceId, Recurrence = null, RecurringEventId = master.Id,
        OriginalStartTime = o.OriginalStart, Start = o.Start, End = o.End,
    };

    private static TimeZoneInfo Zone(CalendarState calendar) => EventTimes.Zone(calendar.TimeZone, "calendar");

    /// <summary>Google's shape of link (<c>calendar/event?eid=</c>, the eid being "eventId calendarId" in base64), on the side page when there is one.</summary>
    private string HtmlLink(string calendarId, string eventId) =>
        (Options.SidePage?.Invoke() is { } side ? new Uri(side, "calendar/event").AbsoluteUri : "https://www.google.com/calendar/event")
        + "?eid=" + Convert.ToBase64String(Encoding.UTF8.GetBytes($"{eventId} {calendarId}")).TrimEnd('=');

    /// <summary>Reads an <c>eid</c> of <see cref="HtmlLink"/>; null when it is not one.</summary>
    public static (string EventId, string CalendarId)? ParseEid(string? eid)
    {
        if (string.IsNullOrEmpty(eid) || eid.Length > 4096) return null;
        try
        {
            var padded = eid.PadRight(eid.Length + (4 - eid.Length % 4) % 4, '=');
            var parts = Encoding.UTF8.GetString(Convert.FromBase64String(padded)).Split(' ', 2);
            return parts.Length == 2 && parts[0].Length > 0 && parts[1].Length > 0 ? (parts[0], parts[1]) : null;
        }
        catch (FormatException)
        {
            return null;
        }
    }
}
