using SyncDashboard.Core.Common;
using SyncDashboard.Core.Domain;
using SyncDashboard.Core.Sync.Activity;
using SyncDashboard.Web.Infrastructure;

namespace SyncDashboard.Web.Activity;

/// <summary>What the activity page shows, for scripts: sync runs, changes by state, and Retry (ADR 0020). Always the caller's own.</summary>
public static class ActivityEndpoints
{
    private const int MaxTake = 500;

    public static IEndpointRouteBuilder MapActivityEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/calendar/sync").RequireAuthorization().WithTags("Activity");

        group.MapGet("/runs", async (Guid? integrationId, int? take, HttpContext http, ActivityService activity) =>
            TypedResults.Ok(new ApiData<IReadOnlyList<SyncRunDto>>(await activity.RunsAsync(http.User.GetUserId(),
                new ActivityFilter(integrationId, Take: Take(take)), http.RequestAborted))))
            .WithSummary("Recent pull and push runs, newest first: trigger, duration, counts, deletions held by the mass-delete guard, error.");

        group.MapGet("/queue/items", async (Guid? integrationId, string? state, int? take, HttpContext http, ActivityService activity) =>
            TypedResults.Ok(new ApiData<IReadOnlyList<OutboxChangeDto>>(await activity.ChangesAsync(http.User.GetUserId(),
                new ActivityFilter(integrationId, States(state), Take(take)), http.RequestAborted))))
            .WithSummary("Queued changes, newest first; state=FAILED,DEAD_LETTERED (the default), PENDING, IN_FLIGHT, HELD or COMPLETED, comma-separated.");

        group.MapPost("/queue/items/{id:long}/retry", async (long id, HttpContext http, OutboxRetry retry) =>
            TypedResults.Ok(new ApiData<OutboxChangeDto>(await retry.RetryAsync(http.User.GetUserId(), id, http.RequestAborted))))
            .WithSummary("Sends a failed or dead-lettered change again, due now with its attempts reset. 404 for another user's change, "
                + "409 for one that is not failed or dead-lettered or whose integration is disconnected.");
        return app;
    }

    private static int Take(int? take) => take switch
    {
        null => 100,
        >= 1 and <= MaxTake => take.Value,
        _ => throw new InputValidationException(new Dictionary<string, string[]> { ["take"] = [$"take must be between 1 and {MaxTake}."] }),
    };

    /// <summary>States by name in any case, with or without underscores (DEAD_LETTERED, deadLettered).</summary>
    private static IReadOnlyList<OutboxState>? States(string? state)
    {
        if (string.IsNullOrWhiteSpace(state)) return null;
        var parsed = new List<OutboxState>();
        foreach (var name in state.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (name.Length > 20 || !Enum.TryParse<OutboxState>(name.Replace("_", ""), ignoreCase: true, out var s) || !Enum.IsDefined(s) || !char.IsLetter(name[0]))
                throw new InputValidationException(new Dictionary<string, string[]>
                {
                    ["state"] = ["state must be one or more of PENDING, IN_FLIGHT, COMPLETED, FAILED, DEAD_LETTERED, HELD."],
                });
            parsed.Add(s);
        }
        return parsed;
    }
}
