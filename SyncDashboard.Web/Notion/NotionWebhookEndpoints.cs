using SyncDashboard.Core.Notion;
using SyncDashboard.Web.Infrastructure;

namespace SyncDashboard.Web.Notion;

/// <summary>Notion webhook deliveries for one integration; <see cref="NotionWebhookService"/> does the work.</summary>
public static class NotionWebhookEndpoints
{
    public static IEndpointRouteBuilder MapNotionWebhooks(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup(NotionWebhookService.WebhookPath).WithTags("Notion").AllowAnonymous().DisableAntiforgery();

        group.MapPost("/{key}", async (string key, HttpRequest request, NotionWebhookService webhooks) =>
        {
            var ct = request.HttpContext.RequestAborted;
            if (await request.ReadLimitedBodyAsync(ct) is not { } body) return WebhookHttp.PayloadTooLarge();
            var result = await webhooks.HandleAsync(key, body, request.Headers["X-Notion-Signature"].FirstOrDefault(), ct);
            return result.ToHttpResult();
        }).WithSummary("Notion webhook deliveries for the integration whose secret ends the URL: the verification request "
            + "(kept only while set-up is open on Settings), then events signed with the token its owner confirmed.");

        // Subscriptions made with the old ?integration=<id> URL end here, told where the new URL is.
        group.MapPost("/", (string? integration, NotionWebhookService webhooks) => webhooks.HandleRetiredUrl(integration).ToHttpResult())
            .ExcludeFromDescription();
        return app;
    }
}
