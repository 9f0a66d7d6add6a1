using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace SyncDashboard.Emulators.Notion;

/// <summary>Test and demo controls under {prefix}/_emulator: faults, stats, rate limit, webhooks, demo seed.</summary>
internal static class NotionControlEndpoints
{
    public sealed record WebhookRequest(string Url, List<string>? EventTypes, string? BotId, string? ApiVersion);

    public sealed record VerifyRequest([property: JsonPropertyName("verification_token")] string? VerificationToken);

    public sealed record RateLimitRequest(double RequestsPerSecond, int Burst);

    public static void Map(IEndpointRouteBuilder root)
    {
        var c = root.MapGroup("/_emulator");

        c.MapPost("/faults", (NotionFault fault, NotionEmulator e) =>
        {
            e.InjectFault(fault);
            return TypedResults.Ok(fault);
        });
        c.MapDelete("/faults", (NotionEmulator e) =>
        {
            e.ClearFaults();
            return TypedResults.NoContent();
        });

        c.MapGet("/stats", (NotionEmulator e) => TypedResults.Ok(e.GetStats()));
        c.MapDelete("/stats", (NotionEmulator e) =>
        {
            e.ResetStats();
            return TypedResults.NoContent();
        });

        c.MapPost("/ratelimit", (RateLimitRequest r, NotionEmulator e) =>
        {
            e.SetRateLimit(r.RequestsPerSecond, r.Burst);
            return TypedResults.NoContent();
        });

        c.MapPost("/seed", (NotionEmulator e) => TypedResults.Ok(e.SeedDemo()));

        c.MapGet("/webhooks", (NotionEmulator e) => TypedResults.Ok(e.WebhookSubscriptions));
        c.MapPost("/webhooks", async Task<IResult> (WebhookRequest r, NotionEmulator e) =>
        {
            try
            {
                return TypedResults.Ok(await e.CreateWebhookSubscriptionAsync(r.Url, r.EventTypes, r.BotId, r.ApiVersion ?? NotionVersion.DataSources));
            }
            catch (ArgumentException ex)
            {
                return TypedResults.BadRequest(new { error = ex.Message });
            }
        });
        c.MapPost("/webhooks/{id}/verify", Results<NoContent, BadRequest<string>> (string id, VerifyRequest r, NotionEmulator e) =>
            e.VerifyWebhook(id, r.VerificationToken ?? "") ? TypedResults.NoContent() : TypedResults.BadRequest("Unknown subscription or wrong verification_token."));
        c.MapDelete("/webhooks/{id}", Results<NoContent, NotFound> (string id, NotionEmulator e) =>
            e.DeleteWebhook(id) ? TypedResults.NoContent() : TypedResults.NotFound());
    }
}
