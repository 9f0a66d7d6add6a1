using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using Microsoft.Extensions.Options;
using SyncDashboard.Core.Common;
using SyncDashboard.Core.Sync;

namespace SyncDashboard.Core.Notion;

/// <summary>What Notion's token endpoint answers (contract §12); refresh_token may be null on older grants.</summary>
public sealed record NotionOAuthTokenResponse(string AccessToken, string? TokenType, string? RefreshToken, string? BotId,
    string? WorkspaceId, string? WorkspaceName);

/// <summary>
/// Notion's OAuth for a public integration: the authorize URL and the code exchange, which authenticates the client
/// with HTTP Basic (client id and secret) and a JSON body — not the form post most providers take.
/// </summary>
public sealed class NotionOAuthClient(IHttpClientFactory httpFactory, IOptions<NotionOptions> options, IAppBaseAddress baseAddress)
{
    public const string HttpClientName = "notion-oauth";

    public bool CanRefresh => options.Value.HasOAuthClient;

    public string AuthorizationUrl(string redirectUri, string state)
    {
        var o = RequireClient();
        var query = $"client_id={Uri.EscapeDataString(o.ClientId!)}&response_type=code&owner=user" +
                    $"&redirect_uri={Uri.EscapeDataString(redirectUri)}&state={Uri.EscapeDataString(state)}";
        var url = o.AuthorizationUrl;
        // Relative (emulator) URLs stay relative: the browser resolves them against the app.
        return url + (url.Contains('?') ? "&" : "?") + query;
    }

    /// <summary>Exchanges an authorization code; a refused code becomes an <see cref="InputValidationException"/> with Notion's reason.</summary>
    public async Task<NotionOAuthTokenResponse> ExchangeCodeAsync(string code, string redirectUri, CancellationToken ct)
    {
        var (token, error) = await PostTokenAsync(new { grant_type = "authorization_code", code, redirect_uri = redirectUri }, ct);
        return token ?? throw new InputValidationException(new Dictionary<string, string[]>
        {
            ["code"] = [$"Notion did not accept the sign-in ({error}). Please try again."],
        });
    }

    /// <summary>
    /// A new access token for a refresh token. Notion rotates the refresh token with it, so the caller must store both;
    /// a refused refresh (invalid_grant: revoked, or rotated away) means the user has to connect again.
    /// </summary>
    public async Task<NotionOAuthTokenResponse> RefreshAsync(string refreshToken, CancellationToken ct)
    {
        var (token, error) = await PostTokenAsync(new { grant_type = "refresh_token", refresh_token = refreshToken }, ct);
        return token ?? throw new ReconnectRequiredException($"Notion refused to renew access ({error}) — reconnect Notion on the Settings page.");
    }

    /// <summary>
    /// <c>POST /v1/oauth/revoke {"token"}</c> (contract §12): Notion stops honouring the token. Null on success, else
    /// Notion's reason. Only tokens issued through this public integration can be revoked this way.
    /// </summary>
    public async Task<string?> RevokeAsync(string token, CancellationToken ct)
    {
        using var response = await PostAsync(RequireClient().RevokeUrl, new { token }, ct);
        return response.IsSuccessStatusCode ? null : await ErrorAsync(response, ct);
    }

    private async Task<(NotionOAuthTokenResponse? Token, string? Error)> PostTokenAsync(object body, CancellationToken ct)
    {
        using var response = await PostAsync(RequireClient().TokenUrl, body, ct);
        if (!response.IsSuccessStatusCode) return (null, await ErrorAsync(response, ct));
        var token = await response.Content.ReadFromJsonAsync<NotionOAuthTokenResponse>(NotionClient.Json, ct);
        return token is { AccessToken.Length: > 0 } ? (token, null) : (null, "the token response had no access token");
    }

    /// <summary>Notion's OAuth endpoints authenticate the client with HTTP Basic and take JSON.</summary>
    private async Task<HttpResponseMessage> PostAsync(string url, object body, CancellationToken ct)
    {
        var o = RequireClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, baseAddress.Resolve(url)) { Content = JsonContent.Create(body) };
        request.Headers.Authorization = new AuthenticationHeaderValue("Basic",
            Convert.ToBase64String(Encoding.UTF8.GetBytes($"{o.ClientId}:{o.ClientSecret}")));
        return await httpFactory.CreateClient(HttpClientName).SendAsync(request, ct);
    }

    private static async Task<string> ErrorAsync(HttpResponseMessage response, CancellationToken ct)
    {
        NotionErrorBody? error = null;
        try { error = await response.Content.ReadFromJsonAsync<NotionErrorBody>(NotionClient.Json, ct); }
        catch (System.Text.Json.JsonException) { }
        return $"{error?.Code ?? ((int)response.StatusCode).ToString()}: {error?.Message ?? response.ReasonPhrase}";
    }

    private NotionOptions RequireClient()
    {
        var o = options.Value;
        return o.HasOAuthClient ? o : throw new InvalidOperationException(
            "Notion OAuth is not configured: set Notion:ClientId and Notion:ClientSecret, or connect with an internal integration token.");
    }
}
