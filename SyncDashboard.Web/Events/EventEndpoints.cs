using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using SyncDashboard.Core.Events;
using SyncDashboard.Web.Infrastructure;
using SyncDashboard.Web.Infrastructure.Idempotency;

namespace SyncDashboard.Web.Events;

public static class EventEndpoints
{
    public static IEndpointRouteBuilder MapEventEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/events").RequireAuthorization().WithTags("Events");

        group.MapGet("/", async Task<Ok<IReadOnlyList<EventDto>>> (DateTimeOffset? from, DateTimeOffset? to, HttpContext http, EventService events) =>
            TypedResults.Ok(await events.ListAsync(http.User.GetUserId(), from, to, http.RequestAborted)))
            .WithSummary("Events overlapping [from, to) (years 1900–2200); defaults to a day ago plus 31 days.");

        group.MapGet("/{id:guid}", async (Guid id, HttpContext http, EventService events) =>
            TypedResults.Ok(await events.GetAsync(http.User.GetUserId(), id, http.RequestAborted)));

        group.MapPost("/", async Task<Created<EventCreatedAnswer>> (EventRequest body, HttpContext http, EventService events,
            DeliveryWatcher delivery, IOptions<ApiOptions> options) =>
        {
            var userId = http.User.GetUserId();
            using var watch = delivery.Watch(userId);
            var claim = http.IdempotencyClaim();
            var created = await body.InCallersTermsAsync(input => events.CreateAsync(userId, input, claim, http.RequestAborted));
            // With an Idempotency-Key the answer was kept at commit, before anything could be sent, and is the one given.
            if (claim is not null) return Created(created);
            var externalSync = await watch.UntilSettledAsync(created.Id, PreferWait.Apply(http, options.Value.ExternalSyncWait), http.RequestAborted);
            return Created(created with { ExternalSync = externalSync });
        })
        .WithIdempotencyKey<EventDto>(Created)
        .WithSummary("Create an event. Times as start/end or startDateTime/endDateTime. The answer is { success, event, externalSync } with the "
            + "event's fields also at the top level; externalSync says per integration whether the event reached it within Api:ExternalSyncWait "
            + "(success, externalId) or is queued, with the error when a send failed. Prefer: wait=N (seconds) waits no longer than N.");

        group.MapPut("/", async Task<Ok<EventDto>> (Guid id, string? scope, DateTimeOffset? occurrence, EventRequest body, HttpContext http, EventService events) =>
            TypedResults.Ok(await body.InCallersTermsAsync(input =>
                events.UpdateAsync(http.User.GetUserId(), id, input, body.Version, EditScopeQuery.Parse(scope), occurrence, http.RequestAborted))))
            .WithSummary("Update the event given by ?id=. For one occurrence of a series: &occurrence=<its original start>&scope=this|following|all.");

        group.MapDelete("/", async Task<NoContent> (Guid id, string? scope, DateTimeOffset? occurrence, HttpContext http, EventService events) =>
        {
            await events.DeleteAsync(http.User.GetUserId(), id, EditScopeQuery.Parse(scope), occurrence, http.RequestAborted);
            return TypedResults.NoContent();
        }).WithSummary("Delete the event given by ?id= (a series with its overrides). For one occurrence: &occurrence=…&scope=this|following|all.");

        group.MapPost("/{id:guid}/restore", async Task<Ok<EventDto>> (Guid id, HttpContext http, EventService events) =>
            TypedResults.Ok(await events.RestoreAsync(http.User.GetUserId(), id, http.RequestAborted)))
            .WithSummary("Undo a delete within Events:DeleteUndoWindow, before it has reached Google or Notion; 409 when too late.");

        return app;
    }

    private static Created<EventCreatedAnswer> Created(EventDto created) => TypedResults.Created($"/api/events/{created.Id}", new EventCreatedAnswer(created));
}
