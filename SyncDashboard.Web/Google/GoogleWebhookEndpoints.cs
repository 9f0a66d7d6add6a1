using SyncDashboard.Core.Domain;
using SyncDashboard.Core.Google;
using SyncDashboard.Core.Sync;
using SyncDashboard.Web.Infrastructure;
using SyncDashboard.Core.Sync.Pull;

namespace SyncDashboard.Web.Google;

/// <summary>
/// Google push notifications. They carry no body and no change details: we authenticate the channel (id, resource
/// id, secret token — compared in constant time), answer at once, and queue an incremental pull, which coalesces
/// bursts. Forged or unknown requests get a 4xx and change nothing.
/// </summary>
public static class GoogleWebhookEndpoints
{
    public sealed record ChannelRequest(Guid IntegrationId);

    public static IEndpointRouteBuilder MapGoogleWebhooks(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup(GoogleChannelService.WebhookPath).WithTags("Google");

        group.MapPost("/", async (HttpRequest request, GoogleChannelService channels, PullQueue pulls, ILoggerFactory loggers) =>
        {
            var logger = loggers.CreateLogger("SyncDashboard.Web.GoogleWebhook");
            var channelId = request.Headers["X-Goog-Channel-ID"].ToString();
            var state = request.Headers["X-Goog-Resource-State"].ToString();
            if (channelId.Length is 0 or > 64 || state.Length == 0)
                return Results.Problem("Missing or malformed X-Goog-Channel-ID / X-Goog-Resource-State headers.", statusCode: 400);

            var auth = await channels.AuthenticateAsync(channelId, request.Headers["X-Goog-Resource-ID"].ToString(),
                request.Headers["X-Goog-Channel-Token"].FirstOrDefault(), request.HttpContext.RequestAborted);
            if (auth is null)
            {
                // A channel we do not know (forged, or stopped and still firing): 404 tells Google not to retry.
                logger.LogWarning("Google notification for unknown channel {ChannelId} refused", channelId);
                return Results.Problem("Unknown channel.", statusCode: 404);
            }
            if (!auth.Value.Authentic)
            {
                logger.LogWarning("Google notification for channel {ChannelId} of integration {IntegrationId} had a wrong token or resource id",
                    channelId, auth.Value.Integration.Id);
                return Results.Problem("Channel token or resource id does not match.", statusCode: 401);
            }

            var integration = auth.Value.Integration;
            if (state == "sync")
            {
                logger.LogInformation("Push channel {ChannelId} of integration {IntegrationId} is live", channelId, integration.Id);
                return Results.Ok();
            }
            var queued = pulls.Request(integration.Id, SyncTrigger.Webhook);
            logger.LogInformation("Google notification {MessageNumber} ({State}) for integration {IntegrationId}: pull {Queued}",
                request.Headers["X-Goog-Message-Number"].ToString(), state, integration.Id, queued ? "queued" : "already queued");
            return Results.Accepted();
        }).AllowAnonymous().DisableAntiforgery();

        group.MapPut("/", async (ChannelRequest body, HttpContext http, GoogleChannelService channels) =>
            TypedResults.Ok(await channels.RegisterAsync(http.User.GetUserId(), body.IntegrationId, http.RequestAborted)))
            .RequireAuthorization().WithSummary("Open (or renew) the push channel of a Google integration.");

        group.MapDelete("/", async (Guid integrationId, HttpContext http, GoogleChannelService channels) =>
        {
            await channels.StopAsync(http.User.GetUserId(), integrationId, http.RequestAborted);
            return TypedResults.NoContent();
        }).RequireAuthorization().WithSummary("Stop the push channel of a Google integration.");

        return app;
    }
}
