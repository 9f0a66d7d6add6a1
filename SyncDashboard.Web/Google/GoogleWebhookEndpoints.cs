using SyncDashboard.Core.Google;
using SyncDashboard.Web.Infrastructure;

namespace SyncDashboard.Web.Google;

/// <summary>
/// Google push notifications (handled by <see cref="GoogleWebhookService"/>: answered at once, forged or unknown ones
/// get a 4xx and change nothing), and opening or stopping a channel.
/// </summary>
public static class GoogleWebhookEndpoints
{
    public sealed record ChannelRequest(Guid IntegrationId);

    public static IEndpointRouteBuilder MapGoogleWebhooks(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup(GoogleChannelService.WebhookPath).WithTags("Google");

        group.MapPost("/", async (HttpRequest request, GoogleWebhookService webhooks) =>
        {
            var headers = request.Headers;
            var notification = new GooglePushNotification(headers["X-Goog-Channel-ID"].ToString(), headers["X-Goog-Resource-State"].ToString(),
                headers["X-Goog-Resource-ID"].FirstOrDefault(), headers["X-Goog-Channel-Token"].FirstOrDefault(), headers["X-Goog-Message-Number"].FirstOrDefault());
            return (await webhooks.HandleAsync(notification, request.HttpContext.RequestAborted)).ToHttpResult();
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
