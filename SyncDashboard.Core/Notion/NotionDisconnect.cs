using Microsoft.Extensions.Logging;
using SyncDashboard.Core.Domain;
using SyncDashboard.Core.Security;
using SyncDashboard.Core.Sync.Controls;

namespace SyncDashboard.Core.Notion;

/// <summary>
/// Notion's share of disconnecting. Notion pushes nothing we could stop through its API (a webhook subscription is set
/// up and removed in the integration's settings; the app stops accepting it by dropping the URL's secret). An OAuth
/// grant is revoked with <c>POST /v1/oauth/revoke</c>; an internal integration's secret cannot be revoked through the
/// API at all (contract §12), so the user is told where to do it (ADR 0020).
/// </summary>
internal sealed class NotionDisconnect(NotionOAuthClient oauth, NotionTokenSource tokens, ITokenProtector protector, ILogger<NotionDisconnect> logger)
    : IProviderDisconnect
{
    internal const string InternalSecretNote = "Notion has no way for an app to revoke an internal integration's secret: remove the " +
        "connection under ••• → Connections on the database, or refresh the secret at notion.so/my-integrations.";

    public Provider Provider => Provider.Notion;

    public Task StopPushAsync(Integration integration, CancellationToken ct) => Task.CompletedTask;

    public async Task<GrantRevocation> RevokeAsync(ProviderCredential credential, CancellationToken ct)
    {
        tokens.Forget(credential.Id);
        if (string.IsNullOrEmpty(credential.ProtectedTokens)) return new GrantRevocation(true);
        var grant = NotionTokenSource.Unseal(protector, credential.ProtectedTokens);
        // The token endpoint names the workspace (and, lately, a refresh token); a pasted internal secret comes with neither.
        var isOAuthGrant = grant.WorkspaceId is not null || grant.RefreshToken is not null;
        if (!isOAuthGrant || !oauth.CanRefresh) return new GrantRevocation(false, InternalSecretNote);
        try
        {
            var error = await oauth.RevokeAsync(grant.AccessToken, ct);
            if (error is null && grant.RefreshToken is { } refresh) error = await oauth.RevokeAsync(refresh, ct);
            if (error is null)
            {
                logger.LogInformation("Revoked the Notion grant of credential {CredentialId}", credential.Id);
                return new GrantRevocation(true);
            }
            logger.LogWarning("Notion refused to revoke the grant of credential {CredentialId}: {Error}", credential.Id, error);
            return new GrantRevocation(false, $"Notion refused to revoke access ({error}). Remove the connection under ••• → Connections on the database.");
        }
        catch (HttpRequestException ex)
        {
            logger.LogWarning(ex, "Revoking the Notion grant of credential {CredentialId} failed", credential.Id);
            return new GrantRevocation(false, "Notion could not be reached to revoke access. Remove the connection under ••• → Connections on the database.");
        }
    }
}
