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
            // Google lists in the order things changed: an occurrence edited before its series was (renamed, say) comes
            // first. Series go first, so that such an exception finds the series it belongs to in the same pull.
            return new RemoteChanges([.. events.OrderBy(e => e.RecurringEventId is null ? 0 : 1)], page.NextSyncToken, cursor is null, requests);
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

    /// <summary>A create's id is derived from the app's event id, so an earlier attempt's event is simply read.</summary>
    public async Task<string?> FindCreatedAsync(Integration integration, Guid appEventId, EventFields fields, CancellationToken ct)
    {
        var id = GoogleEventMapper.GoogleIdFor(appEventId);
        return await GetAsync(integration, id, ct) is { Deleted: false } ? id : null;
    }

    public async Task<RemoteWriteResult> UpdateAsync(Integration integration, Guid appEventId, string externalId, string? expectedVersion, EventFields fields, CancellationToken ct)
    {
        if (!GoogleEventMapper.IsInstanceId(externalId))
        {
            var updated = await client.PatchEventAsync(Call(integration), integration.ExternalId, externalId,
                GoogleEventMapper.ToGoogle(fields, appEventId), expectedVersion, ct);
            return Written(updated, externalId);
        }
        // The first write to an instance id is what makes it an exception of its series, as in Google's own clients.
        var exception = await client.PatchEventIfExistsAsync(Call(integration), integration.ExternalId, externalId,
            GoogleEventMapper.ToGoogle(fields, appEventId, instance: true), expectedVersion, ct);
        if (exception is not null) return Written(exception, externalId);
        // The series no longer has that occurrence (it was moved or ended in Google before the change got there). Google
        // keeps an exception made earlier where it was, beside the series; one made now can only be an event of its own.
        logger.LogInformation("Google has no occurrence {ExternalId} in integration {IntegrationId} any more; event {EventId} goes there as an event of its own",
            externalId, integration.Id, appEventId);
        return await CreateAsync(integration, appEventId, fields, ct);
    }

    public bool HasOccurrences => true;

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
