using System.Net;
using System.Net.Http.Headers;
using SyncDashboard.Core.Sync.Http;

namespace SyncDashboard.Core.Notion;

/// <summary>
/// Adds the credential's bearer token. On a 401 it asks the token source for a newer token (a reconnect's, or a
/// refreshed OAuth token) and repeats the request once with it; without one the 401 stands (and becomes ReconnectRequired).
/// </summary>
internal sealed class NotionAuthHandler(NotionTokenSource tokens) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken ct)
    {
        if (!request.Options.TryGetValue(ProviderRequest.CredentialId, out var credentialId)) return await base.SendAsync(request, ct);
        var token = await tokens.GetAccessTokenAsync(credentialId, ct);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        var response = await base.SendAsync(request, ct);
        if (response.StatusCode != HttpStatusCode.Unauthorized) return response;

        var fresh = await tokens.RefreshAsync(credentialId, token, ct);
        if (fresh is null || fresh == token) return response;
        response.Dispose();
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", fresh);
        return await base.SendAsync(request, ct);
    }
}
