using Microsoft.AspNetCore.Http;

namespace SyncDashboard.Emulators.Google.Http;

/// <summary>
/// Wraps every Calendar API and OAuth endpoint: counts the request, checks the bearer token (API only),
/// applies injected faults, and turns <see cref="GoogleApiException"/> into Google's error JSON.
/// </summary>
internal sealed class GoogleApiFilter(GoogleEmulator emulator, string prefix, bool requireAuth) : IEndpointFilter
{
    private const string Scope = "https://www.googleapis.com/auth/";

    private static readonly string[] ReadScopes = ["calendar", "calendar.readonly", "calendar.events",
        "calendar.events.readonly", "calendar.events.owned", "calendar.events.owned.readonly"];

    private static readonly string[] WriteScopes = ["calendar", "calendar.events", "calendar.events.owned"];

    private static readonly string[] ListScopes = ["calendar", "calendar.readonly", "calendar.calendarlist",
        "calendar.calendarlist.readonly"];

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        var method = http.Request.Method;
        var path = http.Request.Path.Value ?? "";
        if (path.StartsWith(prefix, StringComparison.OrdinalIgnoreCase)) { path = path[prefix.Length..]; }
        emulator.CountRequest(method, path);
        try
        {
            if (requireAuth) { Authorize(http, method, path); }
            var fault = emulator.TakeRequestFault(method, path);
            switch (fault?.Kind)
            {
                case FaultKind.Delay:
                    await Task.Delay(fault.DelayMs, http.RequestAborted);
                    break;
                case FaultKind.RateLimit403 or FaultKind.RateLimit429:
                    http.Response.Headers.RetryAfter = fault.RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
                    throw GoogleApiException.RateLimit(fault.Kind == FaultKind.RateLimit403 ? 403 : 429);
                case FaultKind.Error500 or FaultKind.Error503:
                    throw GoogleApiException.Backend(fault.Kind == FaultKind.Error500 ? 500 : 503);
            }
            var result = await next(context);
            if (fault?.Kind == FaultKind.CommitThen500)
            {
                http.Response.Headers.ETag = default;
                return GoogleHttp.Error(GoogleApiException.Backend(500));
            }
            if (fault?.Kind == FaultKind.CommitThenDelay) { await Task.Delay(fault.DelayMs, http.RequestAborted); }
            return result;
        }
        catch (GoogleApiException ex)
        {
            if (ex.Status == 401)
            {
                http.Response.Headers.WWWAuthenticate = "Bearer realm=\"https://accounts.google.com/\", error=\"invalid_token\"";
            }
            return GoogleHttp.Error(ex);
        }
        catch (OAuthException ex)
        {
            return Results.Json(ex.Body, GoogleJson.Options, statusCode: ex.Status);
        }
    }

    private void Authorize(HttpContext http, string method, string path)
    {
        var caller = emulator.Authenticate(GoogleHttp.BearerToken(http.Request)) ?? throw GoogleApiException.Unauthorized();
        var needed = path.Contains("/calendarList", StringComparison.Ordinal) ? ListScopes
            : HttpMethods.IsGet(method) || path.EndsWith("/watch", StringComparison.Ordinal)
              || path.EndsWith("/channels/stop", StringComparison.Ordinal) ? ReadScopes
            : WriteScopes;
        if (!caller.Scopes.Any(s => s.StartsWith(Scope, StringComparison.Ordinal) && needed.Contains(s[Scope.Length..])))
        {
            throw GoogleApiException.InsufficientScopes();
        }
        http.Items[GoogleHttp.CallerKey] = caller;
    }
}
