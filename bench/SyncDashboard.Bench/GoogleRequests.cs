using SyncDashboard.Emulators.Google;

namespace SyncDashboard.Bench;

/// <summary>Emulator request counters between two snapshots, sorted into the Calendar API calls that matter here.</summary>
public sealed record GoogleRequests(long Total, long EventsList, long EventsGet, long EventWrites, long Watch, long Other)
{
    public static IReadOnlyDictionary<string, long> Snapshot(GoogleEmulator emulator) => emulator.Stats().Requests;

    /// <summary>Requests about <paramref name="calendarId"/> (the emulator is shared by every user of the host), plus token calls.</summary>
    public static GoogleRequests Between(IReadOnlyDictionary<string, long> before, IReadOnlyDictionary<string, long> after, string calendarId)
    {
        long total = 0, list = 0, get = 0, writes = 0, watch = 0, other = 0;
        foreach (var (key, count) in after)
        {
            var delta = count - before.GetValueOrDefault(key);
            if (delta == 0) continue;
            if (!key.Contains("/calendars/" + calendarId, StringComparison.OrdinalIgnoreCase) && !key.EndsWith(" /token", StringComparison.Ordinal)) continue;
            total += delta;
            var space = key.IndexOf(' ');
            var (method, path) = (key[..space], key[(space + 1)..].TrimEnd('/'));
            if (path.EndsWith("/events/watch", StringComparison.Ordinal)) watch += delta;
            else if (method == "GET" && path.EndsWith("/events", StringComparison.Ordinal)) list += delta;
            else if (method == "GET" && path.Contains("/events/", StringComparison.Ordinal)) get += delta;
            else if (path.Contains("/events", StringComparison.Ordinal)) writes += delta;
            else other += delta;
        }
        return new GoogleRequests(total, list, get, writes, watch, other);
    }

    public override string ToString() =>
        $"{Total} (events.list {EventsList}, events.get {EventsGet}, event writes {EventWrites}, watch {Watch}, other {Other})";
}
