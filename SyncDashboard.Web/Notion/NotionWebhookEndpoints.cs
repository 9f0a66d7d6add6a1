using SyncDashboard.Core.Notion;
using SyncDashboard.Web.Infrastructure;

namespace SyncDashboard.Web.Notion;

/// <summary>Notion webhook deliveries for one integration; <see cref="NotionWebhookService"/> does the work.</summary>
public static class NotionWebhookEndpoints
{
    public static IEndpointRouteBuilder MapNotionWebhooks(this IEndpointRouteBuilder app)
    {
        app.MapPost(NotionWebhookService.WebhookPath, async (Guid? integration, HttpRequest request, NotionWebhookService webhooks) =>
        {
            var ct = request.HttpContext.RequestAborted;
            if (await request.ReadLimitedBodyAsync(ct) is not { } body) return WebhookHttp.PayloadTooLarge();
            var result = await webhooks.HandleAsync(integration, body, request.Headers["X-Notion-Signature"].FirstOrDefault(), ct);
            return result.ToHttpResult();
        }).AllowAnonymous().DisableAntiforgery().WithTags("Notion")
          .WithSummary("Notion webhook deliveries for one integration (?integration=<id>); the verification request, then HMAC-signed events.");
        return app;
    }
}
