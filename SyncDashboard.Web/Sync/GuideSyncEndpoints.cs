using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using SyncDashboard.Core.Common;
using SyncDashboard.Core.Sync;
using SyncDashboard.Core.Sync.Queue;
using SyncDashboard.Core.Sync.Status;
using SyncDashboard.Web.Infrastructure;

namespace SyncDashboard.Web.Sync;

/// <summary>
/// The setup guide's sync endpoints, as it writes them (ADR 0018): the integration list and "sync one now", and the sync
/// queue (the outbox) — its counts, a pass now, and cleaning up delivered rows. Every one sees only the caller's own.
/// </summary>
public static class GuideSyncEndpoints
{
    public static IEndpointRouteBuilder MapGuideSyncEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/calendar").RequireAuthorization().WithTags("Sync");

        group.MapGet("/integrations", async (HttpContext http, SyncStatusService status) =>
            TypedResults.Ok(new ApiData<IReadOnlyList<GuideIntegration>>(
                (await status.GetAsync(http.User.GetUserId(), http.RequestAborted)).Select(GuideIntegration.From).ToList())))
            .WithSummary("The caller's integrations: { success, data: [{ id, provider, isActive, lastSyncAt, lastSyncError, webhookId, webhookExpiry, … }] }; "
                + "webhookId/webhookExpiry are a Google calendar's push channel.");

        group.MapPost("/integrations/{id:guid}/sync", async Task<Ok<SyncNowResult>> (Guid id, HttpContext http, SyncNowService syncNow) =>
        {
            var result = await syncNow.RunAsync(http.User.GetUserId(), id, http.RequestAborted);
            return result.Started ? TypedResults.Ok(result) : throw new ConcurrencyConflictException(result.Summary);
        })
        .ProducesProblem(StatusCodes.Status404NotFound)
        .ProducesProblem(StatusCodes.Status409Conflict)
        .WithSummary("Sync one integration now: pull it and send its waiting changes. { success, created, updated, deleted, sent, failed, errors, … }; "
            + "404 for an integration that is not the caller's, 409 while one of the caller's syncs runs.");

        group.MapGet("/sync/queue", async (HttpContext http, OutboxQueueService queue) =>
            TypedResults.Ok(GuideQueueStats.From(await queue.StatsAsync(http.User.GetUserId(), http.RequestAborted))))
            .WithSummary("The caller's sync queue: { success, stats: { PENDING, IN_FLIGHT, COMPLETED, FAILED, DEAD_LETTERED, HELD }, oldestPendingAge } "
                + "(milliseconds the oldest pending change has waited; null when none).");

        group.MapPost("/sync/queue", async (HttpContext http, OutboxQueueService queue) =>
            TypedResults.Ok(GuideQueueProcessed.From(await queue.ProcessAsync(http.User.GetUserId(), http.RequestAborted))))
            .WithSummary("Send the caller's due changes now, retries waiting out their backoff included (not deletions still in their undo window, "
                + "nor held ones): { success, processed, sent, retrying, deadLettered, waiting }.");

        group.MapDelete("/sync/queue", async (int? olderThan, HttpContext http, OutboxQueueService queue, IOptions<QueueRetentionOptions> retention) =>
        {
            var days = olderThan ?? (int)Math.Ceiling(retention.Value.CompletedRetention.TotalDays);
            if (days is < 0 or > MaxCleanupDays)
                throw new InputValidationException(new Dictionary<string, string[]> { ["olderThan"] = [$"olderThan is a number of days from 0 to {MaxCleanupDays}."] });
            var deleted = await queue.PurgeCompletedAsync(http.User.GetUserId(), TimeSpan.FromDays(days), http.RequestAborted);
            return TypedResults.Ok(new GuideQueueCleaned(deleted, days));
        })
        .ProducesProblem(StatusCodes.Status400BadRequest)
        .WithSummary("Delete the caller's delivered (completed) queue rows older than olderThan days (default Sync:Queue:CompletedRetention): "
            + "{ success, deleted, olderThan }. Pending, failed, dead-lettered and held rows are never touched.");

        return app;
    }

    private const int MaxCleanupDays = 3650;
}
