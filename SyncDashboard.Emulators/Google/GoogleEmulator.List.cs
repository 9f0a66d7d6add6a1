using SyncDashboard.Emulators.Google.State;
using SyncDashboard.Emulators.Google.Wire;

namespace SyncDashboard.Emulators.Google;

/// <summary>events.list: full and incremental sync, keyset paging, expansion and filters.</summary>
public sealed partial class GoogleEmulator
{
    private sealed record ListItem(GoogleEvent Event, long Key);

    private sealed record ListWindow(DateTimeOffset? Min, DateTimeOffset? Max);

    public EventsPage ListEvents(string calendarId, EventListQuery query, string? asUser = null)
    {
        lock (_gate)
        {
            var calendar = Calendar(asUser ?? DefaultAccountEmail, calendarId, ownerCheck: asUser is not null);
            long? since = null;
            if (query.SyncToken is not null)
            {
                if (query.ForbiddenWithSyncToken().FirstOrDefault() is { } bad)
                {
                    throw GoogleApiException.Invalid($"The parameter {bad} cannot be combined with syncToken.", bad);
                }
                since = SyncTokens.DecodeSync(query.SyncToken, calendar.Id, calendar.SyncEpoch, calendar.ChangeSeq);
            }
            if (query.OrderBy is not (null or "startTime" or "updated"))
            {
                throw GoogleApiException.Invalid("Invalid value for: orderBy.", "orderBy");
            }
            if (query.OrderBy == "startTime" && !query.SingleEvents)
            {
                throw GoogleApiException.Invalid("The requested ordering is not available for the particular query.", "orderBy");
            }
            var cursor = SyncTokens.DecodePage(query.PageToken);
            var snapshot = cursor?.Snapshot ?? calendar.ChangeSeq;
            var all = Collect(calendar, query, since);
            var rest = cursor is null ? all : all.Where(i => After(i, cursor)).ToList();
            var items = rest.Take(query.MaxResults).ToList();
            string? next = null;
            if (TakeFault(FaultKind.EmptyPage, "GET", $"/calendars/{calendarId}/events") is not null)
            {
                items = [];
                next = SyncTokens.EncodePage(cursor ?? new PageCursor(snapshot, long.MinValue, ""));
            }
            else if (rest.Count > items.Count)
            {
                next = SyncTokens.EncodePage(new PageCursor(snapshot, items[^1].Key, items[^1].Event.Id!));
            }
            return new EventsPage
            {
                Etag = $"\"p3{calendar.ChangeSeq:D14}\"", Summary = calendar.Summary, TimeZone = calendar.TimeZone,
                Updated = GoogleJson.Timestamp(calendar.Updated), Items = [.. items.Select(i => i.Event)],
                NextPageToken = next,
                NextSyncToken = next is null ? SyncTokens.EncodeSync(calendar.Id, snapshot, calendar.SyncEpoch) : null,
            };
        }
    }

    private static bool After(ListItem item, PageCursor cursor) =>
        item.Key > cursor.Key || (item.Key == cursor.Key && string.CompareOrdinal(item.Event.Id, cursor.Id) > 0);

    private List<ListItem> Collect(CalendarState calendar, EventListQuery query, long? since)
    {
        var zone = Zone(calendar);
        var updatedMin = query.UpdatedMin is null ? (DateTimeOffset?)null : EventTimes.ParseRfc3339(query.UpdatedMin, "updatedMin");
        var window = new ListWindow(
            query.TimeMin is null ? null : EventTimes.ParseRfc3339(query.TimeMin, "timeMin"),
            query.TimeMax is null ? null : EventTimes.ParseRfc3339(query.TimeMax, "timeMax"));
        if (window is { Min: { } min, Max: { } max } && min >= max)
        {
            throw GoogleApiException.TimeRangeEmpty();
        }
        var incremental = since is not null || updatedMin is not null;
        var withDeleted = incremental || query.ShowDeleted;
        var minimalTombstones = incremental && !query.ShowDeleted;

        var candidates = calendar.Events.Values.Where(e =>
            (since is null || e.ChangeSeq > since) && (updatedMin is null || Updated(e.Body) >= updatedMin));
        var emitted = new Dictionary<string, ListItem>();
        foreach (var stored in candidates.OrderBy(e => e.Ordinal))
        {
            var ev = stored.Body;
            if (stored.IsSeriesMaster && query.SingleEvents)
            {
                if (stored.IsCancelled)
                {
                    if (since is not null) { Add(emitted, stored, Tombstone(ev)); }
                    continue;
                }
                foreach (var o in Occurrences(calendar, ev, window.Max))
                {
                    var instance = calendar.Events.TryGetValue(o.InstanceId, out var ex) ? ex : null;
                    if (instance is { IsCancelled: true } && !withDeleted) { continue; }
                    var body = instance?.Body ?? InstanceOf(ev, o);
                    if (InWindow(body, zone, window)) { Add(emitted, stored, Shape(body, minimalTombstones)); }
                }
                continue;
            }
            var isException = ev.RecurringEventId is not null;
            var keepCancelled = withDeleted || (isException && !query.SingleEvents);
            if (stored.IsCancelled && !keepCancelled) { continue; }
            if (isException && query.SingleEvents && !calendar.Events.ContainsKey(ev.RecurringEventId!)) { continue; }
            var inWindow = stored.IsSeriesMaster ? SeriesInWindow(calendar, ev, window) : InWindow(ev, zone, window);
            if (inWindow && Matches(ev, query)) { Add(emitted, stored, Shape(ev, minimalTombstones)); }
        }
        var items = emitted.Values.Select(i => i with { Key = SortKey(i, calendar, query, since, zone) });
        return [.. items.OrderBy(i => i.Key).ThenBy(i => i.Event.Id, StringComparer.Ordinal)];
    }

    private static void Add(Dictionary<string, ListItem> emitted, StoredEvent source, GoogleEvent ev) =>
        emitted[ev.Id!] = new ListItem(ev, source.Ordinal);

    private long SortKey(ListItem item, CalendarState calendar, EventListQuery query, long? since, TimeZoneInfo zone) =>
        query.OrderBy switch
        {
            "startTime" when item.Event.Start is not null => EventTimes.Instant(item.Event.Start, zone).UtcTicks,
            "updated" => Updated(item.Event)?.UtcTicks ?? 0,
            _ when since is not null => calendar.Events.TryGetValue(item.Event.Id!, out var s) ? s.ChangeSeq
                : calendar.Events.TryGetValue(item.Event.RecurringEventId ?? "", out var m) ? m.ChangeSeq : 0,
            _ => item.Key,
        };

    private static GoogleEvent Shape(GoogleEvent ev, bool minimalTombstones) =>
        minimalTombstones && ev.Status == "cancelled" ? Tombstone(ev) : ev;

    /// <summary>Only the fields Google guarantees on a deleted entry, so clients that assume more break in tests.</summary>
    private static GoogleEvent Tombstone(GoogleEvent ev) => new()
    {
        Kind = ev.Kind, Etag = ev.Etag, Id = ev.Id, Status = "cancelled",
        RecurringEventId = ev.RecurringEventId, OriginalStartTime = ev.OriginalStartTime,
    };

    private static DateTimeOffset? Updated(GoogleEvent ev) =>
        ev.Updated is null ? null : DateTimeOffset.Parse(ev.Updated, System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>timeMin bounds the END (exclusive), timeMax bounds the START (exclusive).</summary>
    private static bool InWindow(GoogleEvent ev, TimeZoneInfo zone, ListWindow window) =>
        ev.Start is null || ev.End is null
        || ((window.Min is null || EventTimes.Instant(ev.End, zone) > window.Min)
            && (window.Max is null || EventTimes.Instant(ev.Start, zone) < window.Max));

    private bool SeriesInWindow(CalendarState calendar, GoogleEvent master, ListWindow window) =>
        window is { Min: null, Max: null }
        || Occurrences(calendar, master, window.Max).Any(o => window.Min is null || o.EndInstant > window.Min)
        || (RecurrenceRule.Parse(master.Recurrence!).IsOpenEnded && window.Max is null);

    private static bool Matches(GoogleEvent ev, EventListQuery query)
    {
        if (query.ICalUid is not null && ev.ICalUid != query.ICalUid) { return false; }
        if (query.Q is { } q && !new[] { ev.Summary, ev.Description, ev.Location }
                .Any(t => t?.Contains(q, StringComparison.OrdinalIgnoreCase) == true))
        {
            return false;
        }
        // Repeated constraints are ANDed (discovery doc); the guide's OR reading is unconfirmed.
        return query.PrivateExtendedProperty.All(c => HasProperty(ev.ExtendedProperties?.Private, c))
               && query.SharedExtendedProperty.All(c => HasProperty(ev.ExtendedProperties?.Shared, c));
    }

    private static bool HasProperty(Dictionary<string, string>? map, string constraint) =>
        constraint.Split('=', 2) is [var name, var value] && map is not null
        && map.TryGetValue(name, out var actual) && actual == value;
}
