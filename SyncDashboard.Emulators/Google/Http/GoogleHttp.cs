using System.Text.Json;
using Microsoft.AspNetCore.Http;
using SyncDashboard.Emulators.Google.Wire;

namespace SyncDashboard.Emulators.Google.Http;

/// <summary>Small helpers shared by the emulator's endpoints.</summary>
internal static class GoogleHttp
{
    public const string CallerKey = "google.emulator.caller";

    public static GoogleCaller Caller(HttpContext context) =>
        context.Items[CallerKey] as GoogleCaller ?? throw GoogleApiException.Unauthorized();

    public static IResult Error(GoogleApiException ex) => Results.Json(ex.Body, GoogleJson.Options, statusCode: ex.Status);

    public static IResult Json<T>(T value, int status = 200) => Results.Json(value, GoogleJson.Options, statusCode: status);

    /// <summary>The event with an <c>ETag</c> header equal to its body etag (the .NET client prefers the header).</summary>
    public static IResult Event(HttpContext context, GoogleEvent ev, int status = 200)
    {
        context.Response.Headers.ETag = ev.Etag;
        return Json(ev, status);
    }

    public static async Task<T> ReadJsonAsync<T>(HttpRequest request)
    {
        try
        {
            // Parsed once as a document first: a property named twice or a broken surrogate parses, then throws only
            // when a handler reads it; Google answers such a body with a parse error.
            using var document = await JsonDocument.ParseAsync(request.Body, cancellationToken: request.HttpContext.RequestAborted);
            if (!MalformedInput.IsSound(document.RootElement)) throw GoogleApiException.ParseError();
            return document.RootElement.Deserialize<T>(GoogleJson.Options) ?? throw GoogleApiException.ParseError();
        }
        catch (JsonException)
        {
            throw GoogleApiException.ParseError();
        }
    }

    public static string? BearerToken(HttpRequest request)
    {
        var header = request.Headers.Authorization.ToString();
        if (header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return header["Bearer ".Length..].Trim();
        }
        return request.Query["oauth_token"].FirstOrDefault() ?? request.Query["access_token"].FirstOrDefault();
    }

    public static string? IfMatch(HttpRequest request) =>
        request.Headers.IfMatch.Count > 0 ? request.Headers.IfMatch.ToString() : null;
}
