using SyncDashboard.Core.Sync.Conflicts;
using SyncDashboard.Web.Infrastructure;

namespace SyncDashboard.Web.Sync;

/// <summary>The conflicts the sync settled automatically, and the user's answer to one (the Conflicts page does the same).</summary>
public static class ConflictEndpoints
{
    /// <summary><c>choice</c>: "local", "remote", "merge" (or "keep"); <c>fields</c>: for a merge, each colliding field → "local" or "remote".</summary>
    public sealed record ResolveConflictRequest(string? Choice, Dictionary<string, string?>? Fields);

    public static IEndpointRouteBuilder MapConflictEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/calendar/conflicts").RequireAuthorization().WithTags("Conflicts");

        group.MapGet("/", async (HttpContext http, ConflictService conflicts) =>
            TypedResults.Ok(new ApiData<IReadOnlyList<ConflictDto>>(await conflicts.ListOpenAsync(http.User.GetUserId(), http.RequestAborted))))
            .WithSummary("Open conflicts, newest first: per event and integration the colliding fields, the app's, the other side's and the last agreed values, and the side the automatic outcome kept.");

        group.MapPost("/{id:guid}/resolve", async (Guid id, ResolveConflictRequest? body, HttpContext http, ConflictService conflicts) =>
        {
            var resolution = ConflictResolution.Parse(body?.Choice, body?.Fields);
            return TypedResults.Ok(new ApiData<ConflictResolved>(await conflicts.ResolveAsync(http.User.GetUserId(), id, resolution, http.RequestAborted)));
        }).WithSummary("Settles a conflict: { choice: \"local\" | \"remote\" | \"merge\", fields? }. The chosen values are written to the app and sent to every integration; the conflict closes. 400 for an unknown choice, field or side; 404 for a conflict that is not the caller's or is settled already.");

        return app;
    }
}
