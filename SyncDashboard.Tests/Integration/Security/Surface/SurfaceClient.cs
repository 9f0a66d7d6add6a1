using System.Text;
using SyncDashboard.Tests.Infrastructure;

namespace SyncDashboard.Tests.Integration.Security.Surface;

/// <summary>What came back: the status, the body as text (clipped) and where a redirect points.</summary>
public sealed record SurfaceResponse(int Status, string Body, string? Location)
{
    public bool IsServerError => Status >= 500;

    /// <summary>Turned away: a 4xx, or a redirect that reports an error or sends the browser to sign in.</summary>
    public bool IsRejected => Status is >= 400 and < 500 || (Status is >= 300 and < 400 && IsErrorRedirect);

    public bool IsErrorRedirect => Location is { } l && (l.Contains("error=", StringComparison.Ordinal)
        || l.Contains("google=", StringComparison.Ordinal) || l.Contains("notion=", StringComparison.Ordinal)
        || l.Contains("/account/login?ReturnUrl", StringComparison.OrdinalIgnoreCase));
}

/// <summary>
/// Sends <see cref="SurfaceRequest"/>s as one user: with their API token, their signed-in cookie session, or as
/// nobody. Form posts get an antiforgery token from the form's page first, in the same session. Owns the session.
/// </summary>
public sealed class SurfaceClient(AppHost app, TestUser user, HttpClient cookieSession) : IDisposable
{
    private const int MaxBodyChars = 512 * 1024;
    private readonly HttpClient _token = app.CreateClient(user.Token);
    private readonly HttpClient _anonymous = new(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false })
    {
        BaseAddress = app.BaseAddress, Timeout = TimeSpan.FromSeconds(30),
    };

    public async Task<SurfaceResponse> SendAsync(SurfaceRequest request)
    {
        // A form post needs a session for its antiforgery cookie; an anonymous one gets a fresh session each time.
        using var freshSession = request.AntiforgeryPage is not null && request.Caller == Caller.Anonymous ? app.CreateClient() : null;
        var client = request.Caller switch
        {
            Caller.Token => _token,
            Caller.Cookie => cookieSession,
            _ => freshSession ?? _anonymous,
        };
        using var message = new HttpRequestMessage(new HttpMethod(request.Method), request.PathAndQuery);
        if (request.Authorization is not null)
        {
            client = freshSession ?? _anonymous;
            message.Headers.TryAddWithoutValidation("Authorization", request.Authorization);
        }
        var bodyBytes = request.Body?.Bytes;
        if (request.AntiforgeryPage is not null && request.Body is { } form)
        {
            var token = await BrowserlessSignIn.AntiforgeryTokenAsync(client, request.AntiforgeryPage);
            bodyBytes = [.. form.Bytes, .. Encoding.ASCII.GetBytes((form.Bytes.Length > 0 ? "&" : "") + "__RequestVerificationToken=" + Uri.EscapeDataString(token))];
        }
        if (request.Body is { } body)
        {
            message.Content = body.Chunked ? new StreamContent(new MemoryStream(bodyBytes!)) : new ByteArrayContent(bodyBytes!);
            if (body.ContentType is not null) message.Content.Headers.TryAddWithoutValidation("Content-Type", body.ContentType);
            if (body.Chunked) message.Headers.TransferEncodingChunked = true;
            // The server may answer an oversized upload early and drop the connection; a pooled one would fail the next request.
            if (bodyBytes!.Length > 64 * 1024) message.Headers.ConnectionClose = true;
        }
        foreach (var (name, value) in request.Headers)
        {
            if (!message.Headers.TryAddWithoutValidation(name, value)) message.Content?.Headers.TryAddWithoutValidation(name, value);
        }

        using var response = await client.SendAsync(message, HttpCompletionOption.ResponseHeadersRead);
        var text = await ReadClippedAsync(response.Content);
        return new SurfaceResponse((int)response.StatusCode, text, response.Headers.Location?.OriginalString);
    }

    private static async Task<string> ReadClippedAsync(HttpContent content)
    {
        using var reader = new StreamReader(await content.ReadAsStreamAsync(), Encoding.UTF8);
        var buffer = new char[MaxBodyChars];
        var read = await reader.ReadBlockAsync(buffer, 0, buffer.Length);
        return new string(buffer, 0, read);
    }

    public void Dispose()
    {
        _token.Dispose();
        _anonymous.Dispose();
        cookieSession.Dispose();
    }
}
