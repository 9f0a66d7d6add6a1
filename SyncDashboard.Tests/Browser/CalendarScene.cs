using Microsoft.EntityFrameworkCore;
using SyncDashboard.Core.Domain;
using SyncDashboard.Core.Persistence;
using SyncDashboard.Tests.Infrastructure;
using IntegrationRow = SyncDashboard.Core.Domain.Integration;

namespace SyncDashboard.Tests.Browser;

/// <summary>
/// A user's calendar with something of everything the views draw, around today (UTC): three sources, overlaps, a
/// series, all-day and multi-day events, a day with more than a month cell holds, and events waiting, failed and in
/// conflict. Written straight into the database: the integrations are import-only and have no connection behind
/// them, so nothing is ever sent for them and their states stay as written.
/// </summary>
internal static class CalendarScene
{
    public const string LongTitle = "Quarterly planning with the whole product team and the people from sales";

    public static async Task<(Guid Work, Guid Projects, Guid Failed)> SeedAsync(AppHost app, TestUser user)
    {
        var today = DateTime.UtcNow.Date;
        var work = NewIntegration(user, Provider.Google, "Work");
        var projects = NewIntegration(user, Provider.Notion, "Projects");
        var events = new List<CalendarEvent>();
        var links = new List<EventLink>();

        CalendarEvent Add(string title, DateTime start, double hours, IntegrationRow? origin = null, LinkState? state = null, string? error = null,
            string? location = null, bool allDay = false, string? recurrence = null)
        {
            var ev = new CalendarEvent
            {
                UserId = user.Id, Title = title, Start = start, End = allDay ? start.AddDays(hours) : start.AddHours(hours), IsAllDay = allDay,
                TimeZone = allDay ? null : "UTC", Recurrence = recurrence, Location = location, Version = 1,
                OriginIntegrationId = origin?.Id,
            };
            events.Add(ev);
            var linkTo = origin ?? (state is null ? null : work);
            if (linkTo is not null)
            {
                links.Add(new EventLink
                {
                    UserId = user.Id, EventId = ev.Id, IntegrationId = linkTo.Id, ExternalId = state == LinkState.Pending ? null : $"x-{ev.Id:N}",
                    State = state ?? LinkState.Synced, LastError = error,
                    // What the providers report once the event exists there (never opened by the tests).
                    WebLink = state == LinkState.Pending ? null : linkTo.Provider == Provider.Google
                        ? $"https://www.google.com/calendar/event?eid={ev.Id:N}" : $"https://www.notion.so/{ev.Id:N}",
                });
            }
            return ev;
        }

        Add("Stand-up", today.AddDays(-20).AddHours(9), 0.25, recurrence: "RRULE:FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR;COUNT=60");
        Add("Design review", today.AddHours(10), 1, work, location: "Room 4.2");
        Add("Interview", today.AddHours(10.5), 1, state: LinkState.Pending);
        Add("1:1 with Sam", today.AddHours(10.75), 0.5, projects);
        Add("Lunch with Alex", today.AddHours(12.5), 1, location: "Noodle Bar");
        Add(LongTitle, today.AddDays(1).AddHours(14), 2, projects, LinkState.Failed, "Notion answered 400: the Date property is missing.");
        Add("Dentist", today.AddDays(2).AddHours(16), 0.75, work, LinkState.Conflict);
        Add("Offsite", today.AddDays(2), 2, work, allDay: true);
        Add("Conference", today.AddDays(-1).AddHours(8), 26, projects);
        foreach (var (title, hour) in new[] { ("Call Ana", 9), ("Call Ben", 10), ("Call Cleo", 11), ("Call Dev", 13), ("Call Eve", 15) })
            Add(title, today.AddDays(3).AddHours(hour), 0.5, work);
        var failed = Add("Budget sync", today.AddDays(-2).AddHours(15), 1, state: LinkState.Failed, error: "Google answered 403: the calendar is read-only.");

        await using var db = await app.Get<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
        // One after the other: their colours follow the order they were connected in.
        db.Add(work);
        await db.SaveChangesAsync();
        db.Add(projects);
        await db.SaveChangesAsync();
        db.AddRange(events);
        db.AddRange(links);
        await db.SaveChangesAsync();
        return (work.Id, projects.Id, failed.Id);
    }

    private static IntegrationRow NewIntegration(TestUser user, Provider provider, string name) => new()
    {
        UserId = user.Id, Provider = provider, DisplayName = name, ExternalId = $"scene-{Guid.NewGuid():N}",
        Direction = SyncDirection.ImportOnly, Status = IntegrationStatus.Active, IsActive = true,
    };
}
