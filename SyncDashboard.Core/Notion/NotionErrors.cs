using System.Net;
using System.Net.Http.Json;
using SyncDashboard.Core.Sync;
using SyncDashboard.Core.Sync.Http;

namespace SyncDashboard.Core.Notion;

/// <summary>Notion's error objects (contract §11) as the sync engine's exceptions. 404 is handled by the caller (null = gone).</summary>
internal static class NotionErrors
{
    /// <summary>Notion's message for an edit of a trashed page ("Can't edit block that is archived…").</summary>
    public static bool IsArchivedEdit(Exception ex) =>
        ex is PermanentProviderException && ex.Message.Contains("archived", StringComparison.OrdinalIgnoreCase);

    public static async Task<Exception> ToExceptionAsync(HttpResponseMessage response, TimeProvider clock, CancellationToken ct)
    {
        NotionErrorBody? error = null;
        try { error = await response.Content.ReadFromJsonAsync<NotionErrorBody>(NotionClient.Json, ct); }
        catch (Exception) { /* not JSON (a proxy's page): fall back to the status code */ }
        var code = error?.Code ?? response.ReasonPhrase ?? "error";
        var status = (int)response.StatusCode;
        var message = $"{status} {code}: {error?.Message ?? "no details"}";
        var retryAfter = RetryAfter.From(response, clock);

        return response.StatusCode switch
        {
            HttpStatusCode.Unauthorized => new ReconnectRequiredException("Notion refused our token — reconnect Notion on the Settings page."),
            // A data collision with a concurrent edit: refresh and retry later (the outbox does).
            HttpStatusCode.Conflict => new TransientProviderException(message, retryAfter),
            HttpStatusCode.Forbidden => new PermanentProviderException(
                $"{message} (the Notion connection lacks a capability it needs, such as read, update or insert content)"),
            _ when status == 529 || RetryAfter.IsTransientStatus(response.StatusCode) => new TransientProviderException(message, retryAfter),
            // validation_error and friends: Notion's own message says what is wrong with the request.
            _ => new PermanentProviderException(error?.Message is { Length: > 0 } m ? $"Notion: {m}" : message),
        };
    }
}
