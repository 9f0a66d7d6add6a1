using SyncDashboard.Core.Sync;
using SyncDashboard.Web.Infrastructure;
using SyncDashboard.Core.Sync.Status;
using SyncDashboard.Core.Sync.MassDelete;

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

        group.MapGet("/calendar/held-deletions", async (HttpContext http, HeldDeletionService held) =>
            TypedResults.Ok(await held.ListAsync(http.User.GetUserId(), http.RequestAborted)))
            .WithSummary("Deletions held by the mass-delete guard, one group per integration and direction (inbound: deleted there; outbound: deleted in the app).");

        group.MapPost("/calendar/held-deletions/{integrationId:guid}/apply", async (Guid integrationId, HttpContext http, HeldDeletionService held) =>
            TypedResults.Ok(await held.ApplyAsync(http.User.GetUserId(), integrationId, http.RequestAborted)))
            .WithSummary("Applies the integration's held deletions as they would have been applied. 404 when none are held or the integration is not the caller's.");

        group.MapPost("/calendar/held-deletions/{integrationId:guid}/discard", async (Guid integrationId, HttpContext http, HeldDeletionService held) =>
            TypedResults.Ok(await held.DiscardAsync(http.User.GetUserId(), integrationId, http.RequestAborted)))
            .WithSummary("Keeps the events: written back to the side that deleted them, or restored in the app. 404 when none are held or the integration is not the caller's.");

        app.MapGuideSyncEndpoints();
        return app;
    }
}
