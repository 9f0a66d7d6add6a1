using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SyncDashboard.Core.Common;
using SyncDashboard.Core.Domain;
using SyncDashboard.Core.Persistence;
using SyncDashboard.Core.Security;

namespace SyncDashboard.Core.Notion;

/// <summary>
/// The owner's side of a Notion webhook (ADR 0011): the secret URL, arming set-up for a short window, and confirming or
/// discarding the verification token that arrived in it. Only a confirmed token signs deliveries, so neither knowing the
/// URL nor racing the owner's subscription is enough to plant a key. The Settings page and the demo connector call these.
/// </summary>
public sealed class NotionWebhookSetup(IDbContextFactory<AppDbContext> dbFactory, ITokenProtector protector, IAppBaseAddress baseAddress,
    TimeProvider clock, IOptions<NotionOptions> options, ILogger<NotionWebhookSetup> logger)
{
    /// <summary>The URL to subscribe with; its secret is made the first time anyone needs it.</summary>
    public async Task<NotionWebhookState> GetStateAsync(Guid userId, Guid integrationId, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var integration = await FindAsync(db, userId, integrationId, ct);
        await EnsureKeyAsync(db, integration, ct);
        return StateOf(integration);
    }

    /// <summary>"Set up webhook": verification requests are accepted for the next <see cref="NotionOptions.WebhookSetupWindow"/>.</summary>
    public async Task<NotionWebhookState> ArmAsync(Guid userId, Guid integrationId, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var integration = await FindAsync(db, userId, integrationId, ct);
        await EnsureKeyAsync(db, integration, ct);
        integration.WebhookSetupUntil = clock.GetUtcNow().UtcDateTime + options.Value.WebhookSetupWindow;
        await db.SaveChangesAsync(ct);
        logger.LogInformation("Notion webhook set-up for integration {IntegrationId} open until {Until:o} (user {UserId})",
            integrationId, integration.WebhookSetupUntil, userId);
        return StateOf(integration);
    }

    /// <summary>
    /// "This is my subscription": the pending token becomes the signing key and set-up closes. <paramref name="shownToken"/>
    /// is the one the page showed; if another replaced it meanwhile, nothing changes and the owner is asked to look again.
    /// </summary>
    public async Task<NotionWebhookState> ConfirmAsync(Guid userId, Guid integrationId, string shownToken, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var integration = await FindAsync(db, userId, integrationId, ct);
        var sealedPending = integration.WebhookPendingTokenProtected;
        if (sealedPending is null || !SameToken(protector.Unprotect(sealedPending), shownToken))
            throw new ConcurrencyConflictException("A different verification token arrived since this page showed it; check the newest before confirming.");
        // Conditional on the very token read above: a request that replaced it a moment ago is not confirmed by accident.
        var changed = await db.Integrations.Where(i => i.Id == integrationId && i.WebhookPendingTokenProtected == sealedPending)
            .ExecuteUpdateAsync(s => s.SetProperty(i => i.WebhookSecretProtected, sealedPending)
                .SetProperty(i => i.WebhookPendingTokenProtected, (string?)null).SetProperty(i => i.WebhookPendingTokenAt, (DateTime?)null)
                .SetProperty(i => i.WebhookSetupUntil, (DateTime?)null), ct);
        if (changed == 0)
            throw new ConcurrencyConflictException("A different verification token arrived since this page showed it; check the newest before confirming.");
        logger.LogInformation("Owner {UserId} confirmed the Notion webhook verification token of integration {IntegrationId}", userId, integrationId);
        return await GetStateAsync(userId, integrationId, ct);
    }

    /// <summary>"Not mine — discard": the pending token goes; set-up stays open for the genuine one.</summary>
    public Task<NotionWebhookState> DiscardPendingAsync(Guid userId, Guid integrationId, CancellationToken ct) =>
        UpdateAsync(userId, integrationId, "discarded the pending verification token",
            s => s.SetProperty(i => i.WebhookPendingTokenProtected, (string?)null).SetProperty(i => i.WebhookPendingTokenAt, (DateTime?)null), ct);

    /// <summary>"Forget token": no key, nothing pending; deliveries are refused until a new token is confirmed.</summary>
    public Task<NotionWebhookState> ForgetTokenAsync(Guid userId, Guid integrationId, CancellationToken ct) =>
        UpdateAsync(userId, integrationId, "forgot its tokens",
            s => s.SetProperty(i => i.WebhookSecretProtected, (string?)null)
                .SetProperty(i => i.WebhookPendingTokenProtected, (string?)null).SetProperty(i => i.WebhookPendingTokenAt, (DateTime?)null), ct);

    /// <summary>
    /// "New webhook URL": a new secret, and everything tied to the old URL goes with it — its subscription can no longer
    /// reach us, so its token, a pending one and an open set-up mean nothing.
    /// </summary>
    public Task<NotionWebhookState> NewUrlAsync(Guid userId, Guid integrationId, CancellationToken ct)
    {
        var key = NotionWebhookKey.New();
        var (hash, sealedKey) = (NotionWebhookKey.Hash(key), protector.Protect(key));
        return UpdateAsync(userId, integrationId, "new URL, the old one is refused from now on",
            s => s.SetProperty(i => i.WebhookKeyHash, hash).SetProperty(i => i.WebhookKeyProtected, sealedKey)
                .SetProperty(i => i.WebhookSecretProtected, (string?)null).SetProperty(i => i.WebhookSetupUntil, (DateTime?)null)
                .SetProperty(i => i.WebhookPendingTokenProtected, (string?)null).SetProperty(i => i.WebhookPendingTokenAt, (DateTime?)null), ct);
    }

    private async Task<NotionWebhookState> UpdateAsync(Guid userId, Guid integrationId, string change,
        Action<Microsoft.EntityFrameworkCore.Query.UpdateSettersBuilder<Integration>> set, CancellationToken ct)
    {
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
        {
            var changed = await Owned(db, userId, integrationId).ExecuteUpdateAsync(set, ct);
            if (changed == 0) throw new NotFoundException($"Integration {integrationId} was not found.");
        }
        logger.LogInformation("Notion webhook of integration {IntegrationId}: {Change} (user {UserId})", integrationId, change, userId);
        return await GetStateAsync(userId, integrationId, ct);
    }

    private static IQueryable<Integration> Owned(AppDbContext db, Guid userId, Guid integrationId) =>
        db.Integrations.Where(i => i.Id == integrationId && i.UserId == userId && i.Provider == Provider.Notion);

    private static async Task<Integration> FindAsync(AppDbContext db, Guid userId, Guid integrationId, CancellationToken ct) =>
        await Owned(db, userId, integrationId).FirstOrDefaultAsync(ct) ?? throw new NotFoundException($"Integration {integrationId} was not found.");

    /// <summary>
    /// Integrations made before URLs had secrets, and new ones, get theirs here. Conditional, so two pages opening at
    /// the same moment agree on one URL.
    /// </summary>
    private async Task EnsureKeyAsync(AppDbContext db, Integration integration, CancellationToken ct)
    {
        if (integration.WebhookKeyHash is not null) return;
        var key = NotionWebhookKey.New();
        var (hash, sealedKey) = (NotionWebhookKey.Hash(key), protector.Protect(key));
        await db.Integrations.Where(i => i.Id == integration.Id && i.WebhookKeyHash == null)
            .ExecuteUpdateAsync(s => s.SetProperty(i => i.WebhookKeyHash, hash).SetProperty(i => i.WebhookKeyProtected, sealedKey), ct);
        await db.Entry(integration).ReloadAsync(ct);
    }

    private NotionWebhookState StateOf(Integration i)
    {
        var openUntil = Utc(i.WebhookSetupUntil) is { } until && until > clock.GetUtcNow() ? until : (DateTimeOffset?)null;
        return new NotionWebhookState(UrlFor(protector.Unprotect(i.WebhookKeyProtected!)), openUntil,
            Unseal(i.WebhookPendingTokenProtected), Utc(i.WebhookPendingTokenAt), Unseal(i.WebhookSecretProtected));
    }

    private string UrlFor(string key) => baseAddress.Resolve($"{NotionWebhookService.WebhookPath}/{key}").ToString();

    private string? Unseal(string? sealedValue) => sealedValue is null ? null : protector.Unprotect(sealedValue);

    private static bool SameToken(string a, string b) =>
        CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(a), Encoding.UTF8.GetBytes(b));

    private static DateTimeOffset? Utc(DateTime? d) => d is { } v ? new DateTimeOffset(DateTime.SpecifyKind(v, DateTimeKind.Utc)) : null;
}
