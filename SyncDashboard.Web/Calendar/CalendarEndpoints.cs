using Microsoft.AspNetCore.Http.HttpResults;
using SyncDashboard.Core.Events;
using SyncDashboard.Core.Notifications;
using SyncDashboard.Web.Components.Shared;
using SyncDashboard.Web.Infrastructure;

namespace SyncDashboard.Web.Calendar;

public static class CalendarEndpoints
{
    public static IEndpointRouteBuilder MapCalendarEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/calendar").RequireAuthorization().WithTags("Calendar");

        group.MapGet("/upcoming", async Task<Ok<UpcomingResult>> (int? days, int? maxResults, HttpContext http, UpcomingService upcoming) =>
            TypedResults.Ok(await upcoming.GetAsync(http.User.GetUserId(), days ?? 7, maxResults ?? 10, BrowserCulture.Of(http), http.RequestAborted)))
            .WithSummary("days=0: rest of today; 1: next 24 hours; 7: the week.");

        group.MapGet("/changes", async Task<Ok<ChangesSince>> (long since, HttpContext http, IChangeNotifier notifier) =>
            TypedResults.Ok(await notifier.GetChangesSinceAsync(http.User.GetUserId(), since, http.RequestAborted)))
            .WithSummary("calendarChanged messages after seq `since`; resetRequired means refetch instead.");

        return app;
    }
}
