using System.Text.Json;
using SyncDashboard.Core.Domain;
using SyncDashboard.Core.Notion;
using SyncDashboard.Core.Sync;
using SyncDashboard.Core.Sync.Pull;

namespace SyncDashboard.Web.Notion;

/// <summary>
/// Notion webhook deliveries. Payloads carry no content, only "page X changed", so an authentic delivery just queues
/// an immediate incremental pull (coalesced, idempotent — which also makes Notion's redeliveries and out-of-order
/// events harmless). The one unsigned request Notion makes is the subscription's verification request.
/// </summary>
public static class NotionWebhookEndpoints
{
    private const int MaxBodyBytes = 256 * 1024;

    public static IEndpointRouteBuilder MapNotionWebhooks(this IEndpointRouteBuilder app)
    {
        app.MapPost(NotionWebhookService.WebhookPath, async (Guid? integration, HttpRequest request, NotionWebhookService webhooks, PullQueue pulls,
            ILoggerFactory loggers) =>
        {
            var logger = loggers.CreateLogger("SyncDashboard.Web.NotionWebhook");
            var ct = request.HttpContext.RequestAborted;
            if (request.ContentLength > MaxBodyBytes) return Results.Problem("The payload is too large.", statusCode: 413);
            var body = await ReadBodyAsync(request, ct);
            if (body is null) return Results.Problem("The payload is too large.", statusCode: 413);
            if (integration is not { } integrationId)
                return Results.Problem("Unknown subscription: subscribe with the URL shown on the Settings page.", statusCode: 401);

            var signature = request.Headers["X-Notion-Signature"].FirstOrDefault();
            if (signature is null)
            {
                if (ReadVerificationToken(body) is not { } token)
                {
                    logger.LogWarning("Unsigned Notion webhook request for integration {IntegrationId} refused", integrationId);
                    return Results.Problem("Missing X-Notion-Signature.", statusCode: 401);
                }
                return await webhooks.StoreVerificationTokenAsync(integrationId, token, ct) switch
                {
                    NotionHandshakeResult.Stored => Results.Ok(),
                    NotionHandshakeResult.AlreadyHasToken => Results.Problem(
                        "This integration already has a verification token. Reset it on the Settings page before creating a new subscription.", statusCode: 409),
                    _ => Results.Problem("Unknown subscription: subscribe with the URL shown on the Settings page.", statusCode: 401),
                };
            }

            var authentic = await webhooks.AuthenticateAsync(integrationId, body, signature, ct);
            if (authentic is null)
            {
                logger.LogWarning("Notion webhook for integration {IntegrationId} had a wrong signature or no stored token; refused", integrationId);
                return Results.Problem("The X-Notion-Signature does not match.", statusCode: 401);
            }
            NotionWebhookEvent? evt;
            try { evt = JsonSerializer.Deserialize<NotionWebhookEvent>(body, JsonSerializerOptions.Web); }
            catch (JsonException) { evt = null; }
            if (evt?.Type is null) return Results.Problem("The payload is not a Notion event.", statusCode: 400);

            var relevant = evt.Type.StartsWith("page.", StringComparison.Ordinal) || evt.Type.StartsWith("data_source.", StringComparison.Ordinal)
                || evt.Type.StartsWith("database.", StringComparison.Ordinal);
            // Our own writes come back as events authored by our bot alone: pulling for them would only spend the
            // connection's 3 requests/s on echoes (a person's edit in the same aggregated event lists them as an author too).
            var ownWrite = authentic.Value.BotId is { } bot && evt.Authors is { Count: > 0 } authors
                && authors.All(a => a.Type == "bot" && NotionCalendarProvider.SameId(a.Id, bot));
            var queued = relevant && !ownWrite && pulls.Request(integrationId, SyncTrigger.Webhook);
            logger.LogInformation("Notion event {EventId} ({Type}, attempt {Attempt}) for page {PageId} of integration {IntegrationId}: pull {Queued}",
                evt.Id, evt.Type, evt.AttemptNumber, evt.Entity?.Id, integrationId,
                !relevant ? "not needed" : ownWrite ? "not needed (our own write)" : queued ? "queued" : "already queued");
            return Results.Ok();
        }).AllowAnonymous().DisableAntiforgery().WithTags("Notion")
          .WithSummary("Notion webhook deliveries for one integration (?integration=<id>); the verification request, then HMAC-signed events.");
        return app;
    }

    private sealed record NotionWebhookEvent(string? Id, string? Type,
        [property: System.Text.Json.Serialization.JsonPropertyName("attempt_number")] int? AttemptNumber, NotionWebhookEntity? Entity,
        List<NotionWebhookAuthor>? Authors);

    private sealed record NotionWebhookAuthor(string? Id, string? Type);

    private sealed record NotionWebhookEntity(string? Id, string? Type);

    /// <summary>The raw bytes, which the signature covers; null past the size limit.</summary>
    private static async Task<byte[]?> ReadBodyAsync(HttpRequest request, CancellationToken ct)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, ct)) > 0)
        {
            if (buffer.Length + read > MaxBodyBytes) return null;
            buffer.Write(chunk, 0, read);
        }
        return buffer.ToArray();
    }

    private static string? ReadVerificationToken(byte[] body)
    {
        try
        {
            using var doc = JsonDocument.Parse(body);
            return doc.RootElement.ValueKind == JsonValueKind.Object
                && doc.RootElement.TryGetProperty("verification_token", out var t) && t.ValueKind == JsonValueKind.String
                && t.GetString() is { Length: > 0 and <= 200 } token ? token : null;
        }
        catch (JsonException) { return null; }
    }
}
