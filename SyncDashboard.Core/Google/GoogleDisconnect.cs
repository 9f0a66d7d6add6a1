using Google.Apis.Auth.OAuth2.Responses;
using Microsoft.Extensions.Logging;
using SyncDashboard.Core.Common;
using SyncDashboard.Core.Domain;
using SyncDashboard.Core.Sync.Controls;

namespace SyncDashboard.Core.Google;

/// <summary>Google's share of disconnecting: stop the calendar's push channel, revoke the OAuth grant (contract §6).</summary>
internal sealed class GoogleDisconnect(GoogleChannelService channels, GoogleAuthFlowFactory flows, GoogleTokenSource tokens,
    ILogger<GoogleDisconnect> logger) : IProviderDisconnect
{
    private const string ManualRevoke = "Remove SyncDashboard under \"Third-party apps with account access\" at myaccount.google.com/permissions.";

    public Provider Provider => Provider.Google;

    public async Task StopPushAsync(Integration integration, CancellationToken ct)
    {
        try { await channels.StopAsync(integration.UserId, integration.Id, ct); }
        catch (Exception ex) when (ex is not OperationCanceledException and not NotFoundException)
        {
            logger.LogWarning(ex, "Could not stop the push channel of integration {IntegrationId} while disconnecting", integration.Id);
        }
    }

    public async Task<GrantRevocation> RevokeAsync(ProviderCredential credential, CancellationToken ct)
    {
        tokens.Forget(credential.Id);
        var key = credential.Id.ToString();
        var stored = await flows.Flow.LoadTokenAsync(key, ct);
        // Revoking the refresh token ends every access token issued with it.
        if ((stored?.RefreshToken ?? stored?.AccessToken) is not { Length: > 0 } token) return new GrantRevocation(true);
        try
        {
            await flows.Flow.RevokeTokenAsync(key, token, ct);
            logger.LogInformation("Revoked the Google grant of credential {CredentialId}", credential.Id);
            return new GrantRevocation(true);
        }
        catch (TokenResponseException ex) when (ex.Error?.Error is "invalid_token" or "invalid_grant")
        {
            // Google answers 400 for a token it no longer knows: the user (or Google) revoked it already.
            logger.LogInformation("Google no longer knew the grant of credential {CredentialId} ({Error})", credential.Id, ex.Error?.Error);
            return new GrantRevocation(true);
        }
        catch (Exception ex) when (ex is TokenResponseException or HttpRequestException or TaskCanceledException && !ct.IsCancellationRequested)
        {
            logger.LogWarning(ex, "Revoking the Google grant of credential {CredentialId} failed", credential.Id);
            return new GrantRevocation(false, "Google could not be reached to revoke access. " + ManualRevoke);
        }
    }
}
