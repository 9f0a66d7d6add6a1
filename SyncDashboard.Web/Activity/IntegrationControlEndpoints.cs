using SyncDashboard.Core.Sync.Controls;
using SyncDashboard.Web.Infrastructure;

namespace SyncDashboard.Web.Activity;

public static class IntegrationControlEndpoints
{
    public sealed record PauseState(Guid Id, bool IsPaused);

    /// <summary>Pause, resume and disconnect one integration of the caller's (another user's id is 404).</summary>
    public static IEndpointRouteBuilder MapIntegrationControls(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/calendar/integrations/{id:guid}").RequireAuthorization().WithTags("Integrations");

        group.MapPost("/pause", async (Guid id, HttpContext http, IntegrationControls controls) =>
        {
            await controls.PauseAsync(http.User.GetUserId(), id, http.RequestAborted);
            return TypedResults.Ok(new ApiData<PauseState>(new(id, true)));
        }).WithSummary("Pauses the integration: nothing is pulled or sent; the app's changes queue for it until it is resumed.");

        group.MapPost("/resume", async (Guid id, HttpContext http, IntegrationControls controls) =>
        {
            await controls.ResumeAsync(http.User.GetUserId(), id, http.RequestAborted);
            return TypedResults.Ok(new ApiData<PauseState>(new(id, false)));
        }).WithSummary("Resumes a paused integration: what queued meanwhile is sent and the other side is pulled.");

        group.MapPost("/disconnect", async (Guid id, HttpContext http, IntegrationControls controls) =>
            TypedResults.Ok(new ApiData<DisconnectResult>(await controls.DisconnectAsync(http.User.GetUserId(), id, http.RequestAborted))))
            .WithSummary("Disconnects: stops the push channel, removes the links (events stay in the app) and, with the grant's last "
                + "integration, revokes it at the provider and deletes the stored credentials. 404 once disconnected.");
        return app;
    }
}
