using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using Microsoft.Extensions.Options;
using SyncDashboard.Core.Common;

namespace SyncDashboard.Core.Notion;

/// <summary>What Notion's token endpoint answers (contract §12); refresh_token may be null on older grants.</summary>
public sealed record NotionOAuthTokenResponse(string AccessToken, string? TokenType, string? RefreshToken, string? BotId,
    string? WorkspaceId, string? WorkspaceName);

/// <summary>
/// Notion's OAuth for a public integration: the authorize URL and the code exchange, which authenticates the client
/// with HTTP Basic (client id and secret) and a JSON body — not the form post most providers take.
/// </summary>
public sealed class NotionOAuthClient(HttpClient http, IOptions<NotionOptions> options, IAppBaseAddress baseAddress)
{
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
        var o = RequireClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, baseAddress.Resolve(o.TokenUrl))
        {
            Content = JsonContent.Create(new { grant_type = "authorization_code", code, redirect_uri = redirectUri }),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Basic",
            Convert.ToBase64String(Encoding.UTF8.GetBytes($"{o.ClientId}:{o.ClientSecret}")));
        using var response = await http.SendAsync(request, ct);
        if (!response.IsSuccessStatusCode)
        {
            NotionErrorBody? error = null;
            try { error = await response.Content.ReadFromJsonAsync<NotionErrorBody>(NotionClient.Json, ct); }
            catch (System.Text.Json.JsonException) { }
            throw new InputValidationException(new Dictionary<string, string[]>
            {
                ["code"] = [$"Notion did not accept the sign-in ({error?.Code ?? ((int)response.StatusCode).ToString()}: {error?.Message ?? response.ReasonPhrase}). Please try again."],
            });
        }
        var token = await response.Content.ReadFromJsonAsync<NotionOAuthTokenResponse>(NotionClient.Json, ct);
        return token is { AccessToken.Length: > 0 } ? token
            : throw new InputValidationException(new Dictionary<string, string[]> { ["code"] = ["Notion's token response had no access token."] });
    }

    private NotionOptions RequireClient()
    {
        var o = options.Value;
        return o.HasOAuthClient ? o : throw new InvalidOperationException(
            "Notion OAuth is not configured: set Notion:ClientId and Notion:ClientSecret, or connect with an internal integration token.");
    }
}
