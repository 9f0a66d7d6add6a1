using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using SyncDashboard.Core.Common;
using SyncDashboard.Core.Domain;
using SyncDashboard.Core.Persistence;
using SyncDashboard.Core.Security;
using SyncDashboard.Core.Sync.Pull;
using SyncDashboard.Core.Sync.Webhooks;

namespace SyncDashboard.Core.Notion;

public enum NotionHandshakeResult { Stored, AlreadyHasToken, UnknownIntegration }

/// <summary>Where the settings page is with a Notion integration's webhook subscription.</summary>
public sealed record NotionWebhookState(string Url, string? VerificationToken);

/// <summary>
/// Notion webhooks for one integration. A subscription's first request carries a verification token and no signature;
/// it is stored sealed and shown on the settings page, for the user to paste into Notion's "Verify" dialog. After
/// that, every delivery must carry <c>X-Notion-Signature: sha256=HMAC(token, raw body)</c>, checked in constant time.
/// A stored token is only replaced after the user resets it, so an unsigned request can never swap the key.
/// </summary>
public sealed class NotionWebhookService(IDbContextFactory<AppDbContext> dbFactory, ITokenProtector protector, IAppBaseAddress baseAddress,
    PullQueue pulls, ILogger<NotionWebhookService> logger)
{
    public const string WebhookPath = "/api/calendar/webhooks/notion";
    private const string UnknownSubscription = "Unknown subscription: subscribe with the URL shown on the Settings page.";

    /// <summary>
    /// One delivery: the unsigned verification request, or a signed event. Payloads carry no content, only "page X
    /// changed", so an authentic event just queues an incremental pull (coalesced and idempotent, which also makes
    /// Notion's redeliveries and out-of-order events harmless).
    /// </summary>
    public async Task<WebhookResult> HandleAsync(Guid? integrationId, byte[] body, string? signature, CancellationToken ct)
    {
        if (integrationId is not { } id) return WebhookResult.Unauthenticated(UnknownSubscription);
        if (signature is null) return await HandleVerificationAsync(id, body, ct);

        if (await AuthenticateAsync(id, body, signature, ct) is not var (_, botId))
        {
            logger.LogWarning("Notion webhook for integration {IntegrationId} had a wrong signature or no stored token; refused", id);
            return WebhookResult.Unauthenticated("The X-Notion-Signature does not match.");
        }
        if (NotionWebhookEvent.Parse(body) is not { Type: not null } evt) return WebhookResult.Malformed("The payload is not a Notion event.");

        // Pulling for our own writes would only spend the connection's 3 requests/s on echoes.
        var ownWrite = evt.IsOnlyBy(botId);
        var queued = evt.ConcernsPages && !ownWrite && pulls.Request(id, SyncTrigger.Webhook);
        logger.LogInformation("Notion event {EventId} ({Type}, attempt {Attempt}) for page {PageId} of integration {IntegrationId}: pull {Queued}",
            evt.Id, evt.Type, evt.AttemptNumber, evt.Entity?.Id, id,
            !evt.ConcernsPages ? "not needed" : ownWrite ? "not needed (our own write)" : queued ? "queued" : "already queued");
        return WebhookResult.Handled;
    }

    private async Task<WebhookResult> HandleVerificationAsync(Guid integrationId, byte[] body, CancellationToken ct)
    {
        if (NotionWebhookEvent.ReadVerificationToken(body) is not { } token)
        {
            logger.LogWarning("Unsigned Notion webhook request for integration {IntegrationId} refused", integrationId);
            return WebhookResult.Unauthenticated("Missing X-Notion-Signature.");
        }
        return await StoreVerificationTokenAsync(integrationId, token, ct) switch
        {
            NotionHandshakeResult.Stored => WebhookResult.Handled,
            NotionHandshakeResult.AlreadyHasToken => WebhookResult.Conflict(
                "This integration already has a verification token. Reset it on the Settings page before creating a new subscription."),
            _ => WebhookResult.Unauthenticated(UnknownSubscription),
        };
    }

    public string UrlFor(Guid integrationId) => baseAddress.Resolve($"{WebhookPath}?integration={integrationId}").ToString();

    public async Task<NotionHandshakeResult> StoreVerificationTokenAsync(Guid integrationId, string token, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var integration = await db.Integrations.FirstOrDefaultAsync(i => i.Id == integrationId && i.Provider == Provider.Notion && i.IsActive, ct);
        if (integration is null) return NotionHandshakeResult.UnknownIntegration;
        if (integration.WebhookSecretProtected is not null) return NotionHandshakeResult.AlreadyHasToken;
        integration.WebhookSecretProtected = protector.Protect(token);
        await db.SaveChangesAsync(ct);
        logger.LogInformation("Stored the Notion webhook verification token for integration {IntegrationId}", integrationId);
        return NotionHandshakeResult.Stored;
    }

    /// <summary>
    /// The integration and its connection's bot id when <paramref name="signatureHeader"/> is the HMAC of
    /// <paramref name="body"/> under its token; otherwise null.
    /// </summary>
    public async Task<(Integration Integration, string? BotId)?> AuthenticateAsync(Guid integrationId, byte[] body, string? signatureHeader, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var integration = await db.Integrations.AsNoTracking().Include(i => i.Credential)
            .FirstOrDefaultAsync(i => i.Id == integrationId && i.Provider == Provider.Notion && i.IsActive, ct);
        if (integration?.WebhookSecretProtected is not { } sealedToken) return null;
        if (!SignatureMatches(protector.Unprotect(sealedToken), body, signatureHeader)) return null;
        string? botId = null;
        if (integration.Credential is { ProtectedTokens.Length: > 0 } credential)
        {
            try { botId = NotionTokenSource.Unseal(protector, credential.ProtectedTokens).BotId; }
            catch (Sync.ReconnectRequiredException) { }
        }
        return (integration, botId);
    }

    /// <summary>Notion's scheme: <c>sha256=</c> and the lowercase hex HMAC-SHA256 of the raw body, keyed with the verification token.</summary>
    public static bool SignatureMatches(string verificationToken, byte[] body, string? signatureHeader)
    {
        const string prefix = "sha256=";
        if (signatureHeader is null || !signatureHeader.StartsWith(prefix, StringComparison.Ordinal)) return false;
        byte[] presented;
        try { presented = Convert.FromHexString(signatureHeader.AsSpan(prefix.Length)); }
        catch (FormatException) { return false; }
        var expected = HMACSHA256.HashData(Encoding.UTF8.GetBytes(verificationToken), body);
        return CryptographicOperations.FixedTimeEquals(expected, presented);
    }

    public static string Sign(string verificationToken, byte[] body) =>
        "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(verificationToken), body));

    /// <summary>For the settings page: the URL to subscribe and the token Notion sent, which the user pastes back into Notion.</summary>
    public async Task<NotionWebhookState> GetStateAsync(Guid userId, Guid integrationId, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var integration = await db.Integrations.AsNoTracking().FirstOrDefaultAsync(i => i.Id == integrationId && i.UserId == userId && i.Provider == Provider.Notion, ct)
            ?? throw new NotFoundException($"Integration {integrationId} was not found.");
        return new NotionWebhookState(UrlFor(integrationId),
            integration.WebhookSecretProtected is { } sealedToken ? protector.Unprotect(sealedToken) : null);
    }

    /// <summary>Forgets the token, so the next subscription's verification request is accepted.</summary>
    public async Task ResetAsync(Guid userId, Guid integrationId, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var changed = await db.Integrations.Where(i => i.Id == integrationId && i.UserId == userId && i.Provider == Provider.Notion)
            .ExecuteUpdateAsync(s => s.SetProperty(i => i.WebhookSecretProtected, (string?)null), ct);
        if (changed == 0) throw new NotFoundException($"Integration {integrationId} was not found.");
        logger.LogInformation("Reset the Notion webhook token of integration {IntegrationId} for user {UserId}", integrationId, userId);
    }
}
