using Microsoft.EntityFrameworkCore;
using SyncDashboard.Core.Domain;
using SyncDashboard.Core.Persistence;

namespace SyncDashboard.Core.Sync.Status;

public sealed record IntegrationStatusDto(
    Guid Id,
    Provider Provider,
    string DisplayName,
    string ExternalId,
    SyncDirection Direction,
    bool IsHome,
    IntegrationStatus Status,
    bool NeedsReconnect,
    DateTimeOffset? LastSyncAt,
    string? LastSyncError,
    int PendingChanges,
    int FailedChanges,
    string? ChannelId,
    DateTimeOffset? ChannelExpiresAt,
    string? LastFailureReason,
    Guid? CredentialId,
    string? AccountName,
    DateTimeOffset? LastFullScanAt,
    bool HasWebhookToken,
    int HeldDeletions = 0,
    bool IsActive = true,
    bool IsPaused = false);

/// <summary>What the status panel shows per integration, read in four queries whatever the number of integrations.</summary>
public sealed class SyncStatusService(IDbContextFactory<AppDbContext> dbFactory)
{
    public async Task<IReadOnlyList<IntegrationStatusDto>> GetAsync(Guid userId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var integrations = await db.Integrations.AsNoTracking().Include(i => i.Credential)
            .Where(i => i.UserId == userId && i.Status != IntegrationStatus.Disconnected).ToListAsync(ct);
        var counts = await db.Outbox.AsNoTracking()
            .Where(o => o.UserId == userId && o.State != OutboxState.Completed)
            .GroupBy(o => new { o.IntegrationId, o.State })
            .Select(g => new { g.Key.IntegrationId, g.Key.State, Count = g.Count() })
            .ToListAsync(ct);
        var lastFailures = await db.Outbox.AsNoTracking()
            .Where(o => o.UserId == userId && (o.State == OutboxState.DeadLettered || o.State == OutboxState.Failed) && o.LastError != null)
            .GroupBy(o => o.IntegrationId)
            .Select(g => new { IntegrationId = g.Key, Error = g.OrderByDescending(o => o.Id).Select(o => o.LastError).First() })
            .ToListAsync(ct);

        // Deletions the mass-delete guard holds for the user's answer (ADR 0015).
        var held = await db.HeldDeletions.AsNoTracking().Where(h => h.UserId == userId)
            .GroupBy(h => h.IntegrationId).Select(g => new { IntegrationId = g.Key, Count = g.Count() }).ToListAsync(ct);

        int Count(Guid id, params OutboxState[] states) => counts.Where(c => c.IntegrationId == id && states.Contains(c.State)).Sum(c => c.Count);
        return integrations.OrderBy(i => i.Provider).ThenBy(i => i.DisplayName).Select(i => new IntegrationStatusDto(
            i.Id, i.Provider, i.DisplayName, i.ExternalId, i.Direction, i.IsHome, i.Status,
            i.Credential?.NeedsReconnect == true || i.Status == IntegrationStatus.NeedsReconnect,
            Utc(i.LastSyncAt), i.LastSyncError ?? i.Credential?.LastError,
            Count(i.Id, OutboxState.Pending, OutboxState.InFlight),
            Count(i.Id, OutboxState.Failed, OutboxState.DeadLettered),
            i.ChannelId, Utc(i.ChannelExpiresAt),
            lastFailures.FirstOrDefault(f => f.IntegrationId == i.Id)?.Error,
            i.CredentialId, i.Credential?.AccountName, Utc(i.LastFullScanAt), i.WebhookSecretProtected is not null,
            held.FirstOrDefault(h => h.IntegrationId == i.Id)?.Count ?? 0, i.IsActive, i.IsPaused)).ToList();
    }

    private static DateTimeOffset? Utc(DateTime? d) => d is { } v ? new DateTimeOffset(DateTime.SpecifyKind(v, DateTimeKind.Utc)) : null;
}
