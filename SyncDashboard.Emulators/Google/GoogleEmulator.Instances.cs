using SyncDashboard.Emulators.Google.Wire;

namespace SyncDashboard.Emulators.Google;

/// <summary>
/// events.instances: a series' occurrences as Google lists them — each with its instance id, exceptions in place of the
/// occurrences they change, cancelled ones only with showDeleted — in start order, paged, within timeMin/timeMax.
/// </summary>
public sealed partial class GoogleEmulator
{
    public EventsPage Instances(string calendarId, string eventId, EventListQuery query, string? asUser = null)
    {
        lock (_gate)
        {
            var calendar = Calendar(asUser ?? DefaultAccountEmail, calendarId, ownerCheck: asUser is not null);
            if (!calendar.Events.TryGetValue(eventId, out var master) || master.IsCancelled) throw GoogleApiException.NotFound();
            var zone = Zone(calendar);
            var window = new ListWindow(
                query.TimeMin is null ? null : EventTimes.ParseRfc3339(query.TimeMin, "timeMin"),
                query.TimeMax is null ? null : EventTimes.ParseRfc3339(query.TimeMax, "timeMax"));
            if (window is { Min: { } min, Max: { } max } && min >= max) throw GoogleApiException.TimeRangeEmpty();

            List<GoogleEvent> all;
            if (!master.IsSeriesMaster)
            {
                // Google answers a single event's instances with the event itself.
                all = InWindow(master.Body, zone, window) ? [master.Body] : [];
            }
            else
            {
                all = [.. Occurrences(calendar, master.Body, window.Max)
                    .Select(o => calendar.Events.TryGetValue(o.InstanceId, out var exception) ? exception.Body : InstanceOf(master.Body, o))
                    .Where(e => (query.ShowDeleted || e.Status != "cancelled") && InWindow(e, zone, window))];
            }
            var offset = InstancesOffset(query.PageToken);
            var items = all.Skip(offset).Take(query.MaxResults).ToList();
            var more = offset + items.Count < all.Count;
            return new EventsPage
            {
                Etag = $"\"i{calendar.ChangeSeq:D14}\"", Summary = calendar.Summary, TimeZone = calendar.TimeZone,
                Updated = GoogleJson.Timestamp(calendar.Updated), Items = items,
                NextPageToken = more ? SyncTokens.EncodePage(new PageCursor(calendar.ChangeSeq, offset + items.Count, eventId)) : null,
            };
        }
    }

    private static int InstancesOffset(string? pageToken) =>
        SyncTokens.DecodePage(pageToken) is { } cursor ? (int)Math.Clamp(cursor.Key, 0, int.MaxValue) : 0;
}
