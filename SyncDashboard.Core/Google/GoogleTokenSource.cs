using System.Collections.Concurrent;
using Google.Apis.Auth.OAuth2;
using Google.Apis.Auth.OAuth2.Responses;
using Microsoft.Extensions.Logging;
using SyncDashboard.Core.Sync;

namespace SyncDashboard.Core.Google;

/// <summary>Access tokens per credential, refreshed by Google.Apis.Auth before they expire (and on demand after a 401).</summary>
public sealed class GoogleTokenSource(GoogleAuthFlowFactory flows, ILogger<GoogleTokenSource> logger)
{
    private readonly ConcurrentDictionary<Guid, UserCredential> _credentials = new();

    public async Task<string> GetAccessTokenAsync(Guid credentialId, bool forceRefresh, CancellationToken ct)
    {
        try
        {
            var credential = await LoadAsync(credentialId, ct);
            if (forceRefresh && !await credential.RefreshTokenAsync(ct))
                throw new ReconnectRequiredException("Google did not issue a new access token.");
            return await credential.GetAccessTokenForRequestAsync(cancellationToken: ct);
        }
        catch (TokenResponseException ex) when (ex.Error?.Error is "invalid_grant" or "unauthorized_client" or "invalid_client")
        {
            _credentials.TryRemove(credentialId, out _);
            logger.LogWarning("Google refused the refresh token of credential {CredentialId}: {Error}", credentialId, ex.Error?.Error);
            throw new ReconnectRequiredException("Google access was revoked or expired — reconnect on the Settings page.", ex);
        }
        catch (TokenResponseException ex)
        {
            throw new TransientProviderException($"Google's token endpoint failed: {ex.Error?.Error ?? ex.Message}", null, ex);
        }
    }

    /// <summary>Forgets the cached credential, e.g. after reconnecting with a new grant.</summary>
    public void Forget(Guid credentialId) => _credentials.TryRemove(credentialId, out _);

    private async Task<UserCredential> LoadAsync(Guid credentialId, CancellationToken ct)
    {
        if (_credentials.TryGetValue(credentialId, out var cached)) return cached;
        var token = await flows.Flow.LoadTokenAsync(credentialId.ToString(), ct)
            ?? throw new ReconnectRequiredException("There is no Google grant for this integration — reconnect on the Settings page.");
        var credential = new UserCredential(flows.Flow, credentialId.ToString(), token);
        return _credentials.GetOrAdd(credentialId, credential);
    }
}
