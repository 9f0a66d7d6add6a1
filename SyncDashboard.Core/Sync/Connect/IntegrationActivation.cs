using SyncDashboard.Core.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using SyncDashboard.Core.Domain;
using SyncDashboard.Core.Persistence;
using SyncDashboard.Core.Sync.Outbox;
using SyncDashboard.Core.Sync.Polling;
using SyncDashboard.Core.Sync.Pull;
using SyncDashboard.Core.Sync.Settings;

namespace SyncDashboard.Core.Sync.Connect;

/// <summary>One calendar or database the user chose to sync. <see cref="IsHome"/> is honoured only where the app may export.</summary>
public sealed record IntegrationChoice(string ExternalId, string DisplayName, SyncDirection Direction, bool IsHome);

/// <summary>
/// Connecting, the same for every provider: a grant waits as a pending credential until the provider says whose it
/// is, then becomes a new credential or revives the one the user connected before; chosen calendars or databases
/// become integrations (one home per provider, which gets the app's existing events queued); each is pulled once and
/// polled from then on. The provider parts (OAuth, listing, mapping, push channels) stay with each provider.
/// </summary>
public sealed class IntegrationActivation(
    IDbContextFactory<AppDbContext> dbFactory,
    IntegrationSettingsService settings,
    IncrementalPuller puller,
    IIntegrationPollSchedule polls,
    IOutboxSignal outboxSignal,
    IEnumerable<IAccountClaimRule> claimRules,
    ILogger<IntegrationActivation> logger)
{
    public async Task<Guid> CreatePendingCredentialAsync(Guid userId, Provider provider, string protectedTokens, CancellationToken ct)
    {
        var pending = new ProviderCredential { UserId = userId, Provider = provider, AccountName = "pending:" + Guid.NewGuid(), ProtectedTokens = protectedTokens };
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        db.Credentials.Add(pending);
        await db.SaveChangesAsync(ct);
        return pending.Id;
    }

    /// <summary>Drops a pending credential the provider refused.</summary>
    public async Task RemoveCredentialAsync(Guid credentialId)
    {
        await using var db = await dbFactory.CreateDbContextAsync(CancellationToken.None);
        await db.Credentials.Where(c => c.Id == credentialId).ExecuteDeleteAsync(CancellationToken.None);
    }

    /// <summary>
    /// Names the pending credential after its account. If the user connected that account before
    /// (<paramref name="isSameAccount"/>), that credential takes the new grant — <paramref name="protectedTokens"/>, or
    /// the pending one's — and the pending row goes: a reconnect, which revives its integrations and their queued changes.
    /// </summary>
    /// <param name="accountId">The provider's id of the account (see <see cref="IAccountClaimRule"/>); a grant for an
    /// account the user may not connect is dropped and refused.</param>
    /// <returns>The credential that holds the grant now.</returns>
    public async Task<Guid> AdoptCredentialAsync(Guid userId, Guid pendingId, string accountId, string accountName, Func<ProviderCredential, bool> isSameAccount,
        string? protectedTokens, CancellationToken ct)
    {
        try
        {
            return await AdoptAsync(userId, pendingId, accountId, accountName, isSameAccount, protectedTokens, ct);
        }
        catch (Exception) when (!ct.IsCancellationRequested)
        {
            // Whatever went wrong, no half-made "pending:" credential stays behind to clutter Settings or block the next try.
            await RemoveCredentialAsync(pendingId);
            throw;
        }
    }

    private async Task<Guid> AdoptAsync(Guid userId, Guid pendingId, string accountId, string accountName, Func<ProviderCredential, bool> isSameAccount,
        string? protectedTokens, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var pending = await db.Credentials.FirstAsync(c => c.Id == pendingId && c.UserId == userId, ct);
        if (claimRules.Any(rule => !rule.MayConnect(userId, pending.Provider, accountId)))
        {
            db.Credentials.Remove(pending);
            await db.SaveChangesAsync(ct);
            logger.LogWarning("User {UserId} offered a {Provider} grant for account {AccountId}, which is not theirs to connect; refused", userId, pending.Provider, accountId);
            throw new InputValidationException(new Dictionary<string, string[]>
            {
                ["account"] = [$"This {pending.Provider} account belongs to someone else, so it cannot be connected here."],
            });
        }
        var others = await db.Credentials.Where(c => c.UserId == userId && c.Provider == pending.Provider && c.Id != pendingId).ToListAsync(ct);
        var existing = others.FirstOrDefault(isSameAccount);
        if (existing is null)
        {
            pending.AccountName = UnusedName(accountName, others);
            if (protectedTokens is not null) pending.ProtectedTokens = protectedTokens;
            await db.SaveChangesAsync(ct);
            logger.LogInformation("Connected {Provider} account {Account} for user {UserId} as credential {CredentialId}", pending.Provider, accountName, userId, pendingId);
            return pendingId;
        }
        existing.ProtectedTokens = protectedTokens ?? pending.ProtectedTokens;
        existing.AccountName = UnusedName(accountName, others.Where(c => c.Id != existing.Id));
        db.Credentials.Remove(pending);
        await settings.ResumeCredentialAsync(db, existing, ct);
        logger.LogInformation("Reconnected {Provider} credential {CredentialId} for user {UserId}", existing.Provider, existing.Id, userId);
        return existing.Id;
    }

    /// <summary>
    /// Two accounts can carry one name — two Notion workspaces called "My Workspace", or one workspace connected through
    /// its internal integration and through OAuth (two bots) — but a user's credentials are told apart by name, so the
    /// later one is "My Workspace (2)".
    /// </summary>
    internal static string UnusedName(string name, IEnumerable<ProviderCredential> others)
    {
        var taken = others.Select(c => c.AccountName).ToHashSet(StringComparer.Ordinal);
        var candidate = name;
        for (var n = 2; taken.Contains(candidate); n++) candidate = $"{name} ({n})";
        return candidate;
    }

    /// <summary>
    /// Creates or revives an integration per choice under <paramref name="credentialId"/>; the first exportable choice
    /// marked home becomes the provider's only home and gets the app's events queued. <paramref name="configure"/> sees
    /// each integration as it was (null fields when new) before the shared fields are set: the provider's own settings
    /// and whether its cursor must restart with a full listing go there.
    /// </summary>
    public async Task<IReadOnlyList<Guid>> SaveIntegrationsAsync(Guid userId, Provider provider, Guid credentialId, IReadOnlyList<IntegrationChoice> choices,
        Func<string, string, bool> sameExternalId, Action<Integration, bool> configure, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var home = choices.FirstOrDefault(c => c.IsHome && c.Direction != SyncDirection.ImportOnly);
        if (home is not null) await IntegrationSettingsService.ClearHomeAsync(db, userId, provider, ct);
        var existing = await db.Integrations.Where(i => i.UserId == userId && i.Provider == provider).ToListAsync(ct);
        var saved = new List<Integration>();
        foreach (var choice in choices)
        {
            var integration = existing.FirstOrDefault(i => sameExternalId(i.ExternalId, choice.ExternalId));
            var isNew = integration is null;
            integration ??= db.Integrations.Add(new Integration { UserId = userId, Provider = provider, ExternalId = choice.ExternalId, DisplayName = choice.DisplayName }).Entity;
            configure(integration, isNew);
            integration.CredentialId = credentialId;
            integration.DisplayName = choice.DisplayName;
            integration.Direction = choice.Direction;
            integration.IsHome = choice == home;
            integration.IsActive = true;
            integration.Status = IntegrationStatus.Active;
            integration.LastSyncError = null;
            saved.Add(integration);
            logger.LogInformation("{Provider} {ExternalId} of user {UserId} is integration {IntegrationId} ({Direction}, home: {IsHome})",
                provider, choice.ExternalId, userId, integration.Id, integration.Direction, integration.IsHome);
        }
        await db.SaveChangesAsync(ct);
        if (saved.FirstOrDefault(i => i.IsHome) is { } homeIntegration) await settings.QueueExistingEventsAsync(db, userId, homeIntegration.Id, ct);
        return saved.Select(i => i.Id).ToList();
    }

    /// <summary>The first pull (a full listing that merges when the cursor was reset), then the regular poll.</summary>
    public async Task StartAsync(Guid integrationId, CancellationToken ct)
    {
        await puller.PullAsync(integrationId, SyncTrigger.Connect, ct);
        await polls.StartAsync(integrationId, ct);
        outboxSignal.Notify();
    }
}
