using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using SyncDashboard.Core.Common;
using SyncDashboard.Core.Domain;
using SyncDashboard.Core.Notifications;
using SyncDashboard.Core.Persistence;
using SyncDashboard.Core.Sync.Outbox;
using SyncDashboard.Core.Sync.Polling;
using SyncDashboard.Core.Sync.Pull;

namespace SyncDashboard.Core.Sync.Controls;

/// <param name="GrantRevoked">The grant was given back at the provider (or it was dead there already).</param>
/// <param name="GrantKept">Other connected calendars or databases still use the grant, so it stays until the last goes.</param>
/// <param name="Note">What the user still has to do at the provider, if anything.</param>
public sealed record DisconnectResult(Guid IntegrationId, bool GrantRevoked, bool GrantKept, string? Note);

/// <summary>
/// Pause, resume and disconnect, the same for every provider (ADR 0020). A paused integration neither pulls nor sends;
/// the app's changes keep queuing for it. Disconnecting closes the provider's push, gives unsent changes up with that
/// reason, removes the links (the app keeps every event), and once no connected integration uses the grant any more,
/// revokes it at the provider and deletes its sealed credentials.
/// </summary>
public sealed class IntegrationControls(
    IDbContextFactory<AppDbContext> dbFactory,
    IEnumerable<IProviderDisconnect> providers,
    IIntegrationPollSchedule polls,
    PullQueue pulls,
    IOutboxSignal outboxSignal,
    IChangeNotifier notifier,
    TimeProvider clock,
    ILogger<IntegrationControls> logger)
{
    public async Task PauseAsync(Guid userId, Guid integrationId, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var integration = await ConnectedAsync(db, userId, integrationId, ct);
        if (integration.IsPaused) return;
        integration.PausedAt = clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(ct);
        logger.LogInformation("Paused integration {IntegrationId} of user {UserId}", integrationId, userId);
        await notifier.PublishAsync(userId, integrationId, [], ct);
    }

    /// <summary>Resumes: what queued during the pause is due at once, and a pull catches up with the other side.</summary>
    public async Task ResumeAsync(Guid userId, Guid integrationId, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var integration = await ConnectedAsync(db, userId, integrationId, ct);
        if (!integration.IsPaused) return;
        integration.PausedAt = null;
        await db.SaveChangesAsync(ct);
        var now = clock.GetUtcNow().UtcDateTime;
        await db.Outbox.Where(o => o.IntegrationId == integrationId && (o.State == OutboxState.Pending || o.State == OutboxState.Failed))
            .ExecuteUpdateAsync(s => s.SetProperty(o => o.NextAttemptAt, now), ct);
        logger.LogInformation("Resumed integration {IntegrationId} of user {UserId}", integrationId, userId);
        if (integration.CanImport) pulls.Request(integrationId, SyncTrigger.Manual);
        outboxSignal.Notify();
        await notifier.PublishAsync(userId, integrationId, [], ct);
    }

    public async Task<DisconnectResult> DisconnectAsync(Guid userId, Guid integrationId, CancellationToken ct)
    {
        Integration integration;
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
            integration = await ConnectedAsync(db, userId, integrationId, ct);
        var provider = providers.Single(p => p.Provider == integration.Provider);
        await provider.StopPushAsync(integration, ct);
        await polls.StopAsync(integrationId, ct);

        (ProviderCredential? Credential, bool Shared) grant;
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
        {
            grant = await ForgetAsync(db, integrationId, ct);
        }
        GrantRevocation? revocation = null;
        if (grant is { Credential: { } credential, Shared: false })
        {
            revocation = await provider.RevokeAsync(credential, ct);
            // Deleted whether or not the provider could be asked: the app keeps no grant it no longer uses.
            await using var db = await dbFactory.CreateDbContextAsync(CancellationToken.None);
            await db.Credentials.Where(c => c.Id == credential.Id).ExecuteDeleteAsync(CancellationToken.None);
        }
        logger.LogInformation("Disconnected integration {IntegrationId} of user {UserId} (grant revoked: {Revoked}, kept for others: {Kept})",
            integrationId, userId, revocation?.Revoked, grant.Shared);
        await notifier.PublishAsync(userId, integrationId, [], CancellationToken.None);
        return new DisconnectResult(integrationId, revocation?.Revoked == true, grant.Shared, revocation?.Note);
    }

    /// <summary>
    /// The app's side of disconnecting, in one transaction: the integration is marked disconnected and stripped of its
    /// secrets, its unsent changes are given up with that reason (so the user sees them), held deletions and links go.
    /// Returns its credential and whether another connected integration still uses it (else it is to be revoked and deleted).
    /// </summary>
    private static async Task<(ProviderCredential? Credential, bool Shared)> ForgetAsync(AppDbContext db, Guid integrationId, CancellationToken ct)
    {
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var integration = await db.Integrations.Include(i => i.Credential).FirstAsync(i => i.Id == integrationId, ct);
        var credential = integration.Credential;
        integration.IsActive = false;
        integration.IsHome = false;
        integration.PausedAt = null;
        integration.Status = IntegrationStatus.Disconnected;
        integration.CredentialId = null;
        integration.Cursor = null;
        (integration.ChannelId, integration.ChannelResourceId, integration.ChannelTokenProtected, integration.ChannelExpiresAt) = (null, null, null, null);
        (integration.WebhookSecretProtected, integration.WebhookKeyHash, integration.WebhookKeyProtected) = (null, null, null);
        (integration.WebhookSetupUntil, integration.WebhookPendingTokenProtected, integration.WebhookPendingTokenAt) = (null, null, null);
        await db.SaveChangesAsync(ct);
        await db.Outbox.Where(o => o.IntegrationId == integrationId && o.State != OutboxState.Completed && o.State != OutboxState.DeadLettered)
            .ExecuteUpdateAsync(s => s.SetProperty(o => o.State, OutboxState.DeadLettered).SetProperty(o => o.LeaseExpiresAt, (DateTime?)null)
                .SetProperty(o => o.LastError, "The integration was disconnected."), ct);
        // Nothing is left to apply or discard with a side that no longer syncs, and no event is linked to it any more.
        await db.HeldDeletions.Where(h => h.IntegrationId == integrationId).ExecuteDeleteAsync(ct);
        await db.EventLinks.Where(l => l.IntegrationId == integrationId).ExecuteDeleteAsync(ct);
        var sharedStill = credential is not null && await db.Integrations.AnyAsync(i => i.CredentialId == credential.Id && i.IsActive, ct);
        await tx.CommitAsync(ct);
        return (credential, sharedStill);
    }

    /// <summary>The user's integration that is still connected; another user's, or a missing one, is not found.</summary>
    private static async Task<Integration> ConnectedAsync(AppDbContext db, Guid userId, Guid integrationId, CancellationToken ct) =>
        await db.Integrations.FirstOrDefaultAsync(i => i.Id == integrationId && i.UserId == userId && i.Status != IntegrationStatus.Disconnected, ct)
            ?? throw new NotFoundException($"Integration {integrationId} was not found.");
}
