using Microsoft.Extensions.Logging;
using SyncDashboard.Core.Domain;
using SyncDashboard.Core.Sync.Pull;
using SyncDashboard.Core.Sync.Webhooks;

namespace SyncDashboard.Core.Google;

/// <summary>The headers of one Google push notification (it has no body).</summary>
public sealed record GooglePushNotification(string ChannelId, string ResourceState, string? ResourceId, string? ChannelToken, string? MessageNumber);

/// <summary>
/// Google push notifications carry no change details: the channel (id, resource id, secret token — compared in
/// constant time) is authenticated and an incremental pull queued, which coalesces bursts. Forged or unknown
/// notifications change nothing.
/// </summary>
public sealed class GoogleWebhookService(GoogleChannelService channels, PullQueue pulls, ILogger<GoogleWebhookService> logger)
{
    public async Task<WebhookResult> HandleAsync(GooglePushNotification notification, CancellationToken ct)
    {
        if (notification.ChannelId.Length is 0 or > 64 || notification.ResourceState.Length == 0)
            return WebhookResult.Malformed("Missing or malformed X-Goog-Channel-ID / X-Goog-Resource-State headers.");

        var auth = await channels.AuthenticateAsync(notification.ChannelId, notification.ResourceId, notification.ChannelToken, ct);
        if (auth is not var (integration, authentic))
        {
            // A channel we do not know (forged, or stopped and still firing): Google stops retrying on a 404.
            logger.LogWarning("Google notification for unknown channel {ChannelId} refused", notification.ChannelId);
            return WebhookResult.UnknownSubscription("Unknown channel.");
        }
        if (!authentic)
        {
            logger.LogWarning("Google notification for channel {ChannelId} of integration {IntegrationId} had a wrong token or resource id",
                notification.ChannelId, integration.Id);
            return WebhookResult.Unauthenticated("Channel token or resource id does not match.");
        }
        if (notification.ResourceState == "sync")
        {
            logger.LogInformation("Push channel {ChannelId} of integration {IntegrationId} is live", notification.ChannelId, integration.Id);
            return WebhookResult.Handled;
        }
        var queued = pulls.Request(integration.Id, SyncTrigger.Webhook);
        logger.LogInformation("Google notification {MessageNumber} ({State}) for integration {IntegrationId}: pull {Queued}",
            notification.MessageNumber, notification.ResourceState, integration.Id, queued ? "queued" : "already queued");
        return WebhookResult.Queued;
    }
}
