using Microsoft.Extensions.Logging;
using SyncDashboard.Core.Domain;
using SyncDashboard.Core.Sync;

namespace SyncDashboard.Core.Google;

/// <summary>The sync engine's port for Google Calendar: one integration is one calendar, its cursor a sync token.</summary>
public sealed class GoogleCalendarProvider(GoogleCalendarClient client, ILogger<GoogleCalendarProvider> logger) : ICalendarProvider
{
    public Provider Provider => Provider.Google;

    public Task<RemoteChanges> FetchChangesAsync(Integration integration, string? cursor, CancellationToken ct) =>
        FetchChangesAsync(integration, cursor, null, ct);

    public async Task<RemoteChanges> FetchChangesAsync(Integration integration, string? cursor, IProgress<int>? pagesFetched, CancellationToken ct)
    {
        var call = Call(integration);
        var events = new List<RemoteEvent>();
        string? pageToken = null;
        var requests = 0;
        while (true)
        {
            var page = await client.ListEventsAsync(call, integration.ExternalId, cursor, pageToken, ct);
            requests++;
            pagesFetched?.Report(requests);
            // A page may be empty and still not be the last: only nextPageToken says.
            events.AddRange((page.Items ?? []).Where(e => e.Id is not null).Select(GoogleEventMapper.ToRemote));
            if (page.NextPageToken is { Length: > 0 } next) { pageToken = next; continue; }
            logger.LogDebug("Listed {Count} changes of calendar {CalendarId} for integration {IntegrationId} in {Requests} requests",
                events.Count, integration.ExternalId, integration.Id, requests);
            return new RemoteChanges(events, page.NextSyncToken, cursor is null, requests);
        }
    }

    public async Task<RemoteEvent?> GetAsync(Integration integration, string externalId, CancellationToken ct) =>
        await client.GetEventAsync(Call(integration), integration.ExternalId, externalId, ct) is { } e ? GoogleEventMapper.ToRemote(e) : null;

    public async Task<RemoteWriteResult> CreateAsync(Integration integration, Guid appEventId, EventFields fields, CancellationToken ct)
    {
        var call = Call(integration);
        var id = GoogleEventMapper.GoogleIdFor(appEventId);
        var created = await client.InsertEventAsync(call, integration.ExternalId, GoogleEventMapper.ToGoogle(fields, appEventId, id), ct);
        if (created is null)
        {
            // 409: an earlier attempt got through (or the id belongs to a deleted event). Make it match instead of duplicating.
            logger.LogInformation("Google id {ExternalId} already exists in integration {IntegrationId}; patching it to match event {EventId}",
                id, integration.Id, appEventId);
            created = await client.PatchEventAsync(call, integration.ExternalId, id, GoogleEventMapper.ToGoogle(fields, appEventId), null, ct);
        }
        return Written(created, id);
    }

    public async Task<RemoteWriteResult> UpdateAsync(Integration integration, Guid appEventId, string externalId, string? expectedVersion, EventFields fields, CancellationToken ct)
    {
        // The first write to an instance id is what makes it an exception of its series, as in Google's own clients.
        var updated = await client.PatchEventAsync(Call(integration), integration.ExternalId, externalId,
            GoogleEventMapper.ToGoogle(fields, appEventId, instance: GoogleEventMapper.IsInstanceId(externalId)), expectedVersion, ct);
        return Written(updated, externalId);
    }

    /// <summary>Google's instance id: the series' id, '_', and the original start in UTC (or its date for an all-day series).</summary>
    public string? OccurrenceId(string seriesExternalId, DateTime originalStart, bool isAllDay) =>
        seriesExternalId + "_" + originalStart.ToString(isAllDay ? "yyyyMMdd" : "yyyyMMdd'T'HHmmss'Z'", System.Globalization.CultureInfo.InvariantCulture);

    private static RemoteWriteResult Written(GoogleEventResource e, string id)
    {
        var remote = GoogleEventMapper.ToRemote(e);
        return new RemoteWriteResult(e.Id ?? id, e.Etag, remote.Fields, remote.WebLink);
    }

    public Task DeleteAsync(Integration integration, string externalId, CancellationToken ct) =>
        client.DeleteEventAsync(Call(integration), integration.ExternalId, externalId, ct);

    internal static GoogleCallContext Call(Integration integration) =>
        new(integration.CredentialId ?? throw new ReconnectRequiredException("This Google calendar has no credentials — reconnect on the Settings page."),
            integration.UserId);
}
