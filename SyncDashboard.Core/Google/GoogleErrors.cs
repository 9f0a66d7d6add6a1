using System.Net;
using System.Net.Http.Json;
using SyncDashboard.Core.Sync;
using SyncDashboard.Core.Sync.Http;

namespace SyncDashboard.Core.Google;

/// <summary>Google's error responses as the sync engine's exceptions (see the contract's error table).</summary>
internal static class GoogleErrors
{
    private static readonly string[] RateLimitReasons = ["rateLimitExceeded", "userRateLimitExceeded"];

    public static bool IsRateLimited(HttpResponseMessage response)
    {
        if (response.StatusCode != HttpStatusCode.Forbidden) return false;
        // The body can only be read once; buffer it so the caller still sees it.
        response.Content.LoadIntoBufferAsync().GetAwaiter().GetResult();
        var text = response.Content.ReadAsStringAsync().GetAwaiter().GetResult();
        return RateLimitReasons.Any(r => text.Contains($"\"{r}\"", StringComparison.Ordinal));
    }

    public static async Task<Exception> ToExceptionAsync(HttpResponseMessage response, CancellationToken ct)
    {
        GoogleError? error = null;
        try { error = (await response.Content.ReadFromJsonAsync<GoogleErrorBody>(GoogleCalendarClient.Json, ct))?.Error; }
        catch (Exception) { /* not JSON: fall back to the status code */ }
        var reason = error?.Errors?.FirstOrDefault()?.Reason;
        var message = $"{(int)response.StatusCode} {reason ?? response.ReasonPhrase}: {error?.Message ?? "no details"}";
        var retryAfter = RetryAfter.From(response, TimeProvider.System);

        return response.StatusCode switch
        {
            HttpStatusCode.Gone => new CursorExpiredException(message),
            HttpStatusCode.PreconditionFailed => new RemoteVersionMismatchException(message),
            HttpStatusCode.Unauthorized => new ReconnectRequiredException("Google refused our access token — reconnect on the Settings page."),
            HttpStatusCode.Forbidden when reason is "rateLimitExceeded" or "userRateLimitExceeded" => new TransientProviderException(message, retryAfter ?? TimeSpan.FromSeconds(5)),
            HttpStatusCode.Forbidden when reason is "quotaExceeded" => new TransientProviderException(message, TimeSpan.FromMinutes(30)),
            _ when RetryAfter.IsTransientStatus(response.StatusCode) => new TransientProviderException(message, retryAfter),
            _ => new PermanentProviderException(message),
        };
    }
}
