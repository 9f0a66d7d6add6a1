using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.Extensions.Options;
using SyncDashboard.Core.Common;
using SyncDashboard.Core.Sync;
using SyncDashboard.Core.Sync.Http;

namespace SyncDashboard.Core.Google;

/// <summary>Who a call is for: the credential that authorizes it and the user whose rate budget it spends.</summary>
public sealed record GoogleCallContext(Guid CredentialId, Guid UserId);

/// <summary>
/// Typed client for the Calendar v3 REST API (the Google.Apis.Calendar package is not in this registry).
/// Maps Google's error shapes onto the sync engine's exceptions in one place.
/// </summary>
public sealed class GoogleCalendarClient(HttpClient http, IOptions<GoogleOptions> options, IAppBaseAddress baseAddress)
{
    internal static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public async Task<IReadOnlyList<GoogleCalendarListEntry>> ListCalendarsAsync(GoogleCallContext call, CancellationToken ct)
    {
        var all = new List<GoogleCalendarListEntry>();
        string? pageToken = null;
        do
        {
            var page = await SendAsync<GoogleCalendarListPage>(call, HttpMethod.Get,
                "users/me/calendarList?maxResults=250" + (pageToken is null ? "" : "&pageToken=" + Uri.EscapeDataString(pageToken)), null, null, ct);
            all.AddRange(page?.Items ?? []);
            pageToken = page?.NextPageToken;
        } while (pageToken is not null);
        return all;
    }

    /// <summary>One page of events.list; with a sync token only changes (and tombstones) come back. A 410 means the token is dead.</summary>
    public async Task<GoogleEventsPage> ListEventsAsync(GoogleCallContext call, string calendarId, string? syncToken, string? pageToken, CancellationToken ct)
    {
        // Incremental paging repeats the identical query, sync token included, plus the page token.
        var query = $"calendars/{Uri.EscapeDataString(calendarId)}/events?maxResults={options.Value.PageSize}&singleEvents=false&showDeleted=true";
        if (syncToken is not null) query += "&syncToken=" + Uri.EscapeDataString(syncToken);
        if (pageToken is not null) query += "&pageToken=" + Uri.EscapeDataString(pageToken);
        return await SendAsync<GoogleEventsPage>(call, HttpMethod.Get, query, null, null, ct)
            ?? throw new TransientProviderException("Google returned an empty events page.");
    }

    public Task<GoogleEventResource?> GetEventAsync(GoogleCallContext call, string calendarId, string eventId, CancellationToken ct) =>
        SendAsync<GoogleEventResource>(call, HttpMethod.Get, EventPath(calendarId, eventId), null, null, ct, notFoundIsNull: true);

    /// <summary>Null when the id is taken (409), which for our client-chosen ids means an earlier attempt already created it.</summary>
    public Task<GoogleEventResource?> InsertEventAsync(GoogleCallContext call, string calendarId, GoogleEventResource resource, CancellationToken ct) =>
        SendAsync<GoogleEventResource>(call, HttpMethod.Post, $"calendars/{Uri.EscapeDataString(calendarId)}/events", resource, null, ct, conflictIsNull: true);

    public async Task<GoogleEventResource> PatchEventAsync(GoogleCallContext call, string calendarId, string eventId, GoogleEventResource resource, string? ifMatch, CancellationToken ct) =>
        await SendAsync<GoogleEventResource>(call, HttpMethod.Patch, EventPath(calendarId, eventId), resource, ifMatch, ct)
        ?? throw new TransientProviderException("Google returned no event after a patch.");

    /// <summary>Patches; null when Google has no such event (404/410), as for an instance id of an occurrence the series no longer has.</summary>
    public Task<GoogleEventResource?> PatchEventIfExistsAsync(GoogleCallContext call, string calendarId, string eventId, GoogleEventResource resource, string? ifMatch, CancellationToken ct) =>
        SendAsync<GoogleEventResource>(call, HttpMethod.Patch, EventPath(calendarId, eventId), resource, ifMatch, ct, notFoundIsNull: true);

    /// <summary>Deletes; 404 and 410 (already deleted) count as done.</summary>
    public Task DeleteEventAsync(GoogleCallContext call, string calendarId, string eventId, CancellationToken ct) =>
        SendAsync<object>(call, HttpMethod.Delete, EventPath(calendarId, eventId), null, null, ct, notFoundIsNull: true);

    public async Task<GoogleChannel> WatchAsync(GoogleCallContext call, string calendarId, GoogleWatchRequest watch, CancellationToken ct) =>
        await SendAsync<GoogleChannel>(call, HttpMethod.Post, $"calendars/{Uri.EscapeDataString(calendarId)}/events/watch", watch, null, ct)
        ?? throw new TransientProviderException("Google returned no channel.");

    public Task StopChannelAsync(GoogleCallContext call, string channelId, string resourceId, CancellationToken ct) =>
        SendAsync<object>(call, HttpMethod.Post, "channels/stop", new GoogleStopRequest(channelId, resourceId), null, ct, notFoundIsNull: true);

    private static string EventPath(string calendarId, string eventId) =>
        $"calendars/{Uri.EscapeDataString(calendarId)}/events/{Uri.EscapeDataString(eventId)}";

    private async Task<T?> SendAsync<T>(GoogleCallContext call, HttpMethod method, string path, object? body, string? ifMatch, CancellationToken ct,
        bool notFoundIsNull = false, bool conflictIsNull = false)
    {
        var baseUri = baseAddress.Resolve(options.Value.ApiBaseUrl.EndsWith('/') ? options.Value.ApiBaseUrl : options.Value.ApiBaseUrl + "/");
        using var request = new HttpRequestMessage(method, new Uri(baseUri, path)).For(call.CredentialId, "google:" + call.UserId);
        if (body is not null) request.Content = JsonContent.Create(body, body.GetType(), options: Json);
        if (ifMatch is not null) request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        using var response = await http.SendAsync(request, ct);

        if (response.IsSuccessStatusCode)
        {
            if (response.StatusCode == HttpStatusCode.NoContent || typeof(T) == typeof(object)) return default;
            return await response.Content.ReadFromJsonAsync<T>(Json, ct);
        }
        if (notFoundIsNull && response.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.Gone) return default;
        if (conflictIsNull && response.StatusCode == HttpStatusCode.Conflict) return default;
        throw await GoogleErrors.ToExceptionAsync(response, ct);
    }
}
