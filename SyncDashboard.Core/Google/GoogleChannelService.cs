using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SyncDashboard.Core.Common;
using SyncDashboard.Core.Domain;
using SyncDashboard.Core.Persistence;
using SyncDashboard.Core.Security;
using SyncDashboard.Core.Sync;

namespace SyncDashboard.Core.Google;

public sealed record ChannelInfo(Guid IntegrationId, string ChannelId, string ResourceId, DateTimeOffset? ExpiresAt);

/// <summary>
/// Google push channels: one per calendar, each with its own secret token (sealed at rest) that the webhook checks.
/// Channels cannot be extended, so renewal opens a new one first and stops the old one after.
/// </summary>
public sealed class GoogleChannelService(
    IDbContextFactory<AppDbContext> dbFactory,
    GoogleCalendarClient client,
    ITokenProtector protector,
    IAppBaseAddress baseAddress,
    IOptions<GoogleOptions> options,
    TimeProvider clock,
    ILogger<GoogleChannelService> logger)
{
    public const string WebhookPath = "/api/calendar/webhooks/google";

    public async Task<ChannelInfo> RegisterAsync(Guid userId, Guid integrationId, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var integration = await db.Integrations.FirstOrDefaultAsync(i => i.Id == integrationId && i.UserId == userId && i.Provider == Provider.Google, ct)
            ?? throw new NotFoundException($"Google integration {integrationId} was not found.");
        var (oldId, oldResource) = (integration.ChannelId, integration.ChannelResourceId);

        var token = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        var channelId = Guid.NewGuid().ToString();
        // Saved before the watch call: Google may deliver the first ("sync") notification before answering.
        integration.ChannelId = channelId;
        integration.ChannelTokenProtected = protector.Protect(token);
        integration.ChannelResourceId = null;
        await db.SaveChangesAsync(ct);

        var watch = new GoogleWatchRequest(channelId, "web_hook", baseAddress.Resolve(WebhookPath).ToString(), token,
            new Dictionary<string, string> { ["ttl"] = ((long)options.Value.ChannelTtl.TotalSeconds).ToString() });
        var channel = await client.WatchAsync(GoogleCalendarProvider.Call(integration), integration.ExternalId, watch, ct);
        integration.ChannelResourceId = channel.ResourceId;
        integration.ChannelExpiresAt = long.TryParse(channel.Expiration, out var ms) ? DateTimeOffset.FromUnixTimeMilliseconds(ms).UtcDateTime : null;
        await db.SaveChangesAsync(ct);
        logger.LogInformation("Opened push channel {ChannelId} for integration {IntegrationId} until {ExpiresAt}", channelId, integration.Id, integration.ChannelExpiresAt);

        if (oldId is not null && oldResource is not null) await TryStopAsync(integration, oldId, oldResource, ct);
        return new ChannelInfo(integration.Id, channelId, channel.ResourceId, integration.ChannelExpiresAt is { } e ? new DateTimeOffset(e, TimeSpan.Zero) : null);
    }

    public async Task StopAsync(Guid userId, Guid integrationId, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var integration = await db.Integrations.FirstOrDefaultAsync(i => i.Id == integrationId && i.UserId == userId && i.Provider == Provider.Google, ct)
            ?? throw new NotFoundException($"Google integration {integrationId} was not found.");
        if (integration.ChannelId is { } id && integration.ChannelResourceId is { } resource) await TryStopAsync(integration, id, resource, ct);
        integration.ChannelId = null;
        integration.ChannelResourceId = null;
        integration.ChannelTokenProtected = null;
        integration.ChannelExpiresAt = null;
        await db.SaveChangesAsync(ct);
    }

    /// <summary>Renews every channel that expires within <paramref name="renewBefore"/>; returns how many were renewed.</summary>
    public async Task<int> RenewExpiringAsync(TimeSpan renewBefore, CancellationToken ct)
    {
        List<(Guid UserId, Guid Id)> due;
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
        {
            var limit = clock.GetUtcNow().UtcDateTime + renewBefore;
            due = (await db.Integrations.AsNoTracking()
                .Where(i => i.Provider == Provider.Google && i.IsActive && i.ChannelId != null && i.ChannelExpiresAt != null && i.ChannelExpiresAt < limit)
                .Select(i => new { i.UserId, i.Id }).ToListAsync(ct)).Select(x => (x.UserId, x.Id)).ToList();
        }
        var renewed = 0;
        foreach (var (userId, id) in due)
        {
            try
            {
                await RegisterAsync(userId, id, ct);
                renewed++;
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogWarning(ex, "Renewing the push channel of integration {IntegrationId} failed", id);
                await using var db = await dbFactory.CreateDbContextAsync(ct);
                await db.Integrations.Where(i => i.Id == id).ExecuteUpdateAsync(s => s.SetProperty(i => i.LastSyncError,
                    "Could not renew Google push notifications (" + ex.Message + "); the 15-minute safety-net sync still runs."), ct);
            }
        }
        return renewed;
    }

    /// <summary>Checks a notification's channel token in constant time. Null when the channel is unknown.</summary>
    public async Task<(Integration Integration, bool Authentic)?> AuthenticateAsync(string channelId, string? resourceId, string? token, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var integration = await db.Integrations.AsNoTracking().FirstOrDefaultAsync(i => i.ChannelId == channelId && i.Provider == Provider.Google, ct);
        if (integration?.ChannelTokenProtected is null) return null;
        var expected = protector.Unprotect(integration.ChannelTokenProtected);
        var tokenOk = SecretComparer.Equal(expected, token);
        // The resource id is unknown between our watch call and its answer (the "sync" message can come first).
        var resourceOk = integration.ChannelResourceId is null || SecretComparer.Equal(integration.ChannelResourceId, resourceId);
        return (integration, tokenOk && resourceOk);
    }

    private async Task TryStopAsync(Integration integration, string channelId, string resourceId, CancellationToken ct)
    {
        try
        {
            await client.StopChannelAsync(GoogleCalendarProvider.Call(integration), channelId, resourceId, ct);
            logger.LogInformation("Stopped push channel {ChannelId} of integration {IntegrationId}", channelId, integration.Id);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // An old channel that cannot be stopped only sends notifications we no longer accept.
            logger.LogWarning(ex, "Stopping push channel {ChannelId} of integration {IntegrationId} failed", channelId, integration.Id);
        }
    }
}
