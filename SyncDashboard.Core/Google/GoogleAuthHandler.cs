using System.Net;
using System.Net.Http.Headers;
using SyncDashboard.Core.Sync.Http;

namespace SyncDashboard.Core.Google;

/// <summary>Adds the credential's bearer token; on a 401 refreshes once and retries, as Google's own client does.</summary>
internal sealed class GoogleAuthHandler(GoogleTokenSource tokens) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken ct)
    {
        if (!request.Options.TryGetValue(ProviderRequest.CredentialId, out var credentialId)) return await base.SendAsync(request, ct);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", await tokens.GetAccessTokenAsync(credentialId, false, ct));
        var response = await base.SendAsync(request, ct);
        if (response.StatusCode != HttpStatusCode.Unauthorized) return response;

        response.Dispose();
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", await tokens.GetAccessTokenAsync(credentialId, true, ct));
        return await base.SendAsync(request, ct);
    }
}
