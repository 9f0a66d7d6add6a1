using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using SyncDashboard.Core.Common;
using SyncDashboard.Core.Domain;
using SyncDashboard.Core.Persistence;
using SyncDashboard.Core.Sync.Outbox;

namespace SyncDashboard.Core.Sync.Settings;

/// <summary>
/// What every provider's integrations share on the settings page: direction, the home flag (one per provider),
/// queuing the app's own events for a new home, and reviving a reconnected grant's integrations (disconnecting: IntegrationControls).
/// </summary>
public sealed class IntegrationSettingsService(IDbContextFactory<AppDbContext> dbFactory, IOutboxSignal outboxSignal, TimeProvider clock,
    ILogger<IntegrationSettingsService> logger)
{
    public async Task UpdateAsync(Guid userId, Guid integrationId, SyncDirection direction, bool isHome, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var integration = await db.Integrations.FirstOrDefaultAsync(i => i.Id == integrationId && i.UserId == userId, ct)
            ?? throw new NotFoundException($"Integration {integrationId} was not found.");
        if (isHome && !integration.IsHome) await ClearHomeAsync(db, userId, integration.Provider, ct);
        integration.Direction = direction;
        integration.IsHome = isHome && direction != SyncDirection.ImportOnly;
        await db.SaveChangesAsync(ct);
        if (integration.IsHome) await QueueExistingEventsAsync(db, userId, integration.Id, ct);
        logger.LogInformation("Integration {IntegrationId} of user {UserId} now syncs {Direction} (home: {IsHome})", integrationId, userId, direction, integration.IsHome);
    }

    /// <summary>Each provider has at most one home: the place events created in the app are exported to.</summary>
    public static Task ClearHomeAsync(AppDbContext db, Guid userId, Provider provider, CancellationToken ct) =>
        db.Integrations.Where(i => i.UserId == userId && i.Provider == provider && i.IsHome)
            .ExecuteUpdateAsync(s => s.SetProperty(i => i.IsHome, false), ct);

    /// <summary>
    /// Every live event the new home does not hold yet, wherever it came from (except the home itself): events flow
    /// on between providers, so connecting Notion after Google brings the Google events into Notion too.
    /// </summary>
    public async Task QueueExistingEventsAsync(AppDbContext db, Guid userId, Guid integrationId, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var events = await db.Events.Where(e => e.UserId == userId && !e.IsDeleted && e.OriginIntegrationId != integrationId
                && !db.EventLinks.Any(l => l.EventId == e.Id && l.IntegrationId == integrationId))
            .ToListAsync(ct);
        foreach (var ev in events)
            await OutboxWriter.EnqueueAsync(db, ev, OutboxOperation.Create, now, ct: ct, onlyIntegrationId: integrationId);
        await db.SaveChangesAsync(ct);
        if (events.Count > 0)
        {
            logger.LogInformation("Queued {Count} existing events {EventIds} for new home integration {IntegrationId}", events.Count, events.Select(e => e.Id), integrationId);
            outboxSignal.Notify();
        }
    }

    /// <summary>
    /// After a reconnect stored a new grant on <paramref name="credential"/> (tracked by <paramref name="db"/>, saved here):
    /// it no longer needs reconnecting, its integrations are active again, and the changes kept queued while the grant
    /// was dead are due now.
    /// </summary>
    public async Task ResumeCredentialAsync(AppDbContext db, ProviderCredential credential, CancellationToken ct)
    {
        credential.NeedsReconnect = false;
        credential.LastError = null;
        await db.SaveChangesAsync(ct);
        var credentialId = credential.Id;
        await db.Integrations.Where(i => i.CredentialId == credentialId && i.Status == IntegrationStatus.NeedsReconnect)
            .ExecuteUpdateAsync(s => s.SetProperty(i => i.Status, IntegrationStatus.Active).SetProperty(i => i.LastSyncError, (string?)null), ct);
        var now = clock.GetUtcNow().UtcDateTime;
        var integrationIds = await db.Integrations.Where(i => i.CredentialId == credentialId).Select(i => i.Id).ToListAsync(ct);
        await db.Outbox.Where(o => integrationIds.Contains(o.IntegrationId) && o.State == OutboxState.Pending)
            .ExecuteUpdateAsync(s => s.SetProperty(o => o.NextAttemptAt, now), ct);
        outboxSignal.Notify();
    }
}
