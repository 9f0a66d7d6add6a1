using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace SyncDashboard.Emulators.Notion;

/// <summary>
/// Runs around every /v1 endpoint: request id, counters, then (for API calls) Notion-Version, bearer token and the
/// per-connection rate limit, then injected faults. Turns <see cref="NotionApiException"/> into the Notion error object.
/// </summary>
internal sealed class NotionRequestFilter(string prefix, bool api) : IEndpointFilter
{
    private const string ConnectionKey = "notion.connection", VersionKey = "notion.version", RequestIdKey = "notion.request_id";

    public static ConnectionState Caller(HttpContext http) => (ConnectionState)http.Items[ConnectionKey]!;
    public static string Version(HttpContext http) => (string)http.Items[VersionKey]!;
    public static string RequestId(HttpContext http) => http.Items[RequestIdKey] as string ?? NotionIds.NewId();

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        var emulator = http.RequestServices.GetRequiredService<NotionEmulator>();
        var requestId = NotionIds.NewId();
        http.Items[RequestIdKey] = requestId;
        http.Response.Headers["x-notion-request-id"] = requestId;
        var pattern = (http.GetEndpoint() as RouteEndpoint)?.RoutePattern.RawText ?? http.Request.Path.Value ?? "";
        emulator.CountRequest($"{http.Request.Method} {EndpointName(pattern)}");
        var limiterKey = "anonymous";
        try
        {
            if (api)
            {
                var version = http.Request.Headers["Notion-Version"].ToString();
                if (version.Length == 0)
                    return Error(http, 400, "missing_version", "Notion-Version header failed validation: Notion-Version header should be defined, instead was `undefined`.");
                if (!NotionVersion.IsValid(version))
                    return Error(http, 400, "validation_error", $"Notion-Version header failed validation: `{version}` is not a valid version.");
                http.Items[VersionKey] = version;
                var auth = http.Request.Headers.Authorization.ToString();
                var caller = emulator.Authenticate(auth.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) ? auth[7..].Trim() : null);
                if (caller is null) return Error(http, 401, "unauthorized", "API token is invalid.");
                http.Items[ConnectionKey] = caller;
                limiterKey = caller.BotId;
                if (emulator.RateLimiter.IsViolation(limiterKey)) emulator.CountViolation();
                if (emulator.RateLimiter.TryAcquire(limiterKey) is { } retryAfter)
                    return RateLimited(http, emulator, limiterKey, 429, "rate_limited", "You have been rate limited. Please try again in a few minutes.", retryAfter);
            }
            var fault = emulator.TakeFault(http.Request.Method, http.Request.Path.Value ?? "");
            switch (fault?.Kind)
            {
                case NotionFaultKind.RateLimited429:
                    return RateLimited(http, emulator, limiterKey, 429, "rate_limited", "You have been rate limited. Please try again in a few minutes.", fault.RetryAfterSeconds);
                case NotionFaultKind.Overload529:
                    return RateLimited(http, emulator, limiterKey, 529, "service_overload", "Notion is overloaded. Please try again later.", fault.RetryAfterSeconds);
                case NotionFaultKind.Error500:
                    return Error(http, 500, "internal_server_error", "Unexpected error occurred.");
                case NotionFaultKind.Error503:
                    return Error(http, 503, "service_unavailable", "Notion is unavailable, please try again later.");
                case NotionFaultKind.Conflict409:
                    return Error(http, 409, "conflict_error", "Conflict occurred while saving. Please try again.");
                case NotionFaultKind.Delay:
                    await Task.Delay(fault.DelayMs, http.RequestAborted);
                    break;
            }
            var result = await next(context);
            if (fault?.Kind == NotionFaultKind.CommitThenDelay) await Task.Delay(fault.DelayMs, http.RequestAborted);
            return fault?.Kind == NotionFaultKind.CommitThen500
                ? Error(http, 500, "internal_server_error", "Unexpected error occurred.") // the write above has landed
                : result;
        }
        catch (NotionApiException ex)
        {
            return Error(http, ex.Status, ex.Code, ex.Message);
        }
        catch (Exception ex) when (MalformedInput.IsJsonShapeError(ex))
        {
            return Error(http, 400, "validation_error", "body failed validation.");
        }
    }

    /// <summary>The route pattern below the prefix, e.g. "/v1/pages/{id}".</summary>
    private string EndpointName(string pattern)
    {
        var path = "/" + pattern.TrimStart('/');
        var root = "/" + prefix.Trim('/');
        return root.Length > 1 && path.StartsWith(root, StringComparison.OrdinalIgnoreCase) ? path[root.Length..] : path;
    }

    private static IResult RateLimited(HttpContext http, NotionEmulator emulator, string key, int status, string code, string message, int retryAfter)
    {
        emulator.RateLimiter.NoteRetryAfter(key, retryAfter);
        if (status == 429) emulator.CountRateLimited();
        http.Response.Headers.RetryAfter = retryAfter.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return Error(http, status, code, message);
    }

    public static IResult Error(HttpContext http, int status, string code, string message)
    {
        var requestId = RequestId(http);
        http.Response.Headers["x-notion-request-id"] = requestId;
        return Results.Json(new NotionErrorBody("error", status, code, message, requestId), statusCode: status);
    }

    /// <summary>Reads the JSON body as an object; an empty body is {}.</summary>
    public static async Task<JsonObject> ReadBodyAsync(HttpRequest request)
    {
        using var reader = new StreamReader(request.Body);
        var text = await reader.ReadToEndAsync(request.HttpContext.RequestAborted);
        if (string.IsNullOrWhiteSpace(text)) return [];
        try
        {
            using (var document = JsonDocument.Parse(text))
            {
                if (!MalformedInput.IsSound(document.RootElement)) throw new NotionApiException(400, "invalid_json", "Error parsing JSON body.");
            }
            return JsonNode.Parse(text) as JsonObject ?? throw NotionApiException.Validation("body should be an object.");
        }
        catch (JsonException)
        {
            throw new NotionApiException(400, "invalid_json", "Error parsing JSON body.");
        }
    }

    /// <summary>Plain output like Notion's ("+01:00", not "\u002B01:00").</summary>
    internal static readonly JsonSerializerOptions WireOptions = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static IResult Json(JsonNode node) => Results.Text(node.ToJsonString(WireOptions), "application/json; charset=utf-8");
}
