using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using SyncDashboard.Core.Domain;
using SyncDashboard.Core.Persistence;
using SyncDashboard.Core.Security;
using SyncDashboard.Core.Sync.Pull;
using SyncDashboard.Core.Sync.Webhooks;

namespace SyncDashboard.Core.Notion;

/// <summary>
/// Notion webhook deliveries (ADR 0004, 0011). The URL ends in a per-integration secret that finds the integration. A
/// subscription's first request carries a verification token and no signature; it is kept, as <em>pending</em>, only
/// while the owner has set-up open, and signs nothing until the owner confirms it on Settings. Every other delivery must
/// carry <c>X-Notion-Signature: sha256=HMAC(confirmed token, raw body)</c>, checked in constant time.
/// </summary>
public sealed class NotionWebhookService(IDbContextFactory<AppDbContext> dbFactory, ITokenProtector protector, TimeProvider clock,
    PullQueue pulls, ILogger<NotionWebhookService> logger)
{
    public const string WebhookPath = "/api/calendar/webhooks/notion";
    private const string UnknownSubscription = "Unknown subscription: subscribe with the URL shown on the Settings page.";
    public const string RetiredUrl = "This Notion webhook URL is retired. Open Settings → Notion → webhook, press \"Set up webhook\" "
        + "and subscribe with the URL shown there.";
    public const string SetupClosed = "Webhook set-up is not open for this integration: press \"Set up webhook\" on the Settings page "
        + "first, then send the verification token again (Notion: Resend token).";

    /// <summary>
    /// One delivery to the URL ending in <paramref name="key"/>: the unsigned verification request, or a signed event.
    /// Payloads carry no content, only "page X changed", so an authentic event just queues an incremental pull (coalesced
    /// and idempotent, which also makes Notion's redeliveries and out-of-order events harmless).
    /// </summary>
    public async Task<WebhookResult> HandleAsync(string? key, byte[] body, string? signature, CancellationToken ct)
    {
        if (await FindAsync(key, ct) is not { } integration)
        {
            logger.LogWarning("Notion webhook to an unknown URL refused");
            return WebhookResult.Unauthenticated(UnknownSubscription);
        }
        var id = integration.Id;
        if (signature is null) return await HandleVerificationAsync(id, body, ct);

        if (integration.WebhookSecretProtected is not { } sealedToken || !SignatureMatches(protector.Unprotect(sealedToken), body, signature))
        {
            logger.LogWarning("Notion webhook for integration {IntegrationId} had a wrong signature or no confirmed token; refused", id);
            return WebhookResult.Unauthenticated("The X-Notion-Signature does not match.");
        }
        if (NotionWebhookEvent.Parse(body) is not { Type: not null } evt) return WebhookResult.Malformed("The payload is not a Notion event.");

        // Pulling for our own writes would only spend the connection's 3 requests/s on echoes.
        var ownWrite = evt.IsOnlyBy(BotIdOf(integration));
        var queued = evt.ConcernsPages && !ownWrite && pulls.Request(id, SyncTrigger.Webhook);
        logger.LogInformation("Notion event {EventId} ({Type}, attempt {Attempt}) for page {PageId} of integration {IntegrationId}: pull {Queued}",
            evt.Id, evt.Type, evt.AttemptNumber, evt.Entity?.Id, id,
            !evt.ConcernsPages ? "not needed" : ownWrite ? "not needed (our own write)" : queued ? "queued" : "already queued");
        return WebhookResult.Handled;
    }

    /// <summary>The old <c>?integration=&lt;id&gt;</c> URL: anyone could name an integration, so it accepts nothing now.</summary>
    public WebhookResult HandleRetiredUrl(string? integration)
    {
        logger.LogWarning("Notion webhook to the retired URL (integration {IntegrationId}) refused",
            Guid.TryParse(integration, out var id) ? id : null);
        return WebhookResult.UnknownSubscription(RetiredUrl);
    }

    private async Task<WebhookResult> HandleVerificationAsync(Guid integrationId, byte[] body, CancellationToken ct)
    {
        if (NotionWebhookEvent.ReadVerificationToken(body) is not { } token)
        {
            logger.LogWarning("Unsigned Notion webhook request for integration {IntegrationId} refused", integrationId);
            return WebhookResult.Unauthenticated("Missing X-Notion-Signature.");
        }
        var now = clock.GetUtcNow().UtcDateTime;
        var sealedToken = protector.Protect(token);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        // One statement, so set-up closing (confirm, expiry) and a token arriving cannot interleave. A newer token
        // replaces a pending one: the page always shows the latest, for the owner to judge.
        var stored = await db.Integrations.Where(i => i.Id == integrationId && i.WebhookSetupUntil != null && i.WebhookSetupUntil > now)
            .ExecuteUpdateAsync(s => s.SetProperty(i => i.WebhookPendingTokenProtected, sealedToken).SetProperty(i => i.WebhookPendingTokenAt, now), ct);
        if (stored == 0)
        {
            logger.LogWarning("Notion verification request for integration {IntegrationId} refused: set-up is not open", integrationId);
            return WebhookResult.Conflict(SetupClosed);
        }
        logger.LogInformation("Notion webhook verification token for integration {IntegrationId} is waiting for the owner to confirm it", integrationId);
        return WebhookResult.Handled;
    }

    private async Task<Integration?> FindAsync(string? key, CancellationToken ct)
    {
        if (!NotionWebhookKey.IsWellFormed(key)) return null;
        var hash = NotionWebhookKey.Hash(key!);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Integrations.AsNoTracking().Include(i => i.Credential)
            .FirstOrDefaultAsync(i => i.WebhookKeyHash == hash && i.Provider == Provider.Notion && i.IsActive, ct);
    }

    private string? BotIdOf(Integration integration)
    {
        if (integration.Credential is not { ProtectedTokens.Length: > 0 } credential) return null;
        try { return NotionTokenSource.Unseal(protector, credential.ProtectedTokens).BotId; }
        catch (Sync.ReconnectRequiredException) { return null; }
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
}
