using SyncDashboard.Core.Sync;
using SyncDashboard.Web.Infrastructure;
using SyncDashboard.Core.Sync.Status;

namespace SyncDashboard.Web.Sync;

public static class SyncEndpoints
{
    public sealed record SyncNowRequest(Guid? IntegrationId);

    public static IEndpointRouteBuilder MapSyncEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api").RequireAuthorization().WithTags("Sync");

        group.MapGet("/integrations", async (HttpContext http, SyncStatusService status) =>
            TypedResults.Ok(await status.GetAsync(http.User.GetUserId(), http.RequestAborted)))
            .WithSummary("Per-integration sync status: last sync, pending and failed changes, push channel, last error.");

        group.MapPost("/calendar/sync", async (SyncNowRequest? body, HttpContext http, SyncNowService syncNow) =>
        {
            var result = await syncNow.RunAsync(http.User.GetUserId(), body?.IntegrationId, http.RequestAborted);
            return result.Started ? Results.Ok(result) : Results.Conflict(new { message = result.Summary });
        }).WithSummary("Sync now: pull and drain the outbox for all (or one) integrations. 404 for an integration that is not the caller's; 409 while one is running.");

        return app;
    }
}
