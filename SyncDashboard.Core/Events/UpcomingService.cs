using SyncDashboard.Core.Common;
using Microsoft.EntityFrameworkCore;
using SyncDashboard.Core.Domain;
using SyncDashboard.Core.Formatting;
using SyncDashboard.Core.Persistence;

namespace SyncDashboard.Core.Events;

/// <param name="When">Its dates and times as the user reads them (the one formatter), for clients that cannot format
/// them the same way themselves (the widget).</param>
public sealed record UpcomingEvent(
    Guid Id, string Title, DateTimeOffset Start, DateTimeOffset End, bool IsAllDay,
    string? Description, string? Location, string HtmlLink, string? When = null)
{
    /// <summary>
    /// "Tue 1 Dec 14:05–15:00", or an all-day span by its dates (it runs between the viewer's local midnights, end
    /// exclusive).
    /// </summary>
    public string WhenIn(DateTimeFormatter format) => IsAllDay
        ? format.AllDayRange(format.LocalDate(Start), format.LocalDate(End))
        : $"{format.DateShort(Start)} {format.TimeRange(Start, End)}";
}

public sealed record UpcomingResult(bool Connected, bool HasCalendarAccess, IReadOnlyList<UpcomingEvent> Events);

/// <summary>The dashboard's and widget's single call: what is coming up for a user, in one query.</summary>
public sealed class UpcomingService(IDbContextFactory<AppDbContext> dbFactory, TimeProvider clock)
{
    public const int MaxDays = 31;
    public const int MaxResults = 100;

    /// <param name="browserCulture">What the caller's browser asks for (Accept-Language), for a user who chose no culture.</param>
    public async Task<UpcomingResult> GetAsync(Guid userId, int days, int maxResults, string? browserCulture = null, CancellationToken ct = default)
    {
        if (days is < 0 or > MaxDays || maxResults is < 1 or > MaxResults)
            throw new InputValidationException(new Dictionary<string, string[]>
            {
                ["query"] = [$"days must be 0–{MaxDays} and maxResults 1–{MaxResults}."],
            });

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var user = await db.Users.AsNoTracking().FirstAsync(u => u.Id == userId, ct);
        var zone = UpcomingWindow.FindZone(user.TimeZone);
        var format = new DateTimeFormatter(user.Display.Resolve(browserCulture, zone));
        var (from, to) = UpcomingWindow.For(clock.GetUtcNow(), days, zone);

        // All-day rows hold local dates, so widen by the largest UTC offset and trim precisely in memory.
        var (wideFrom, wideTo) = (from.AddHours(-14), to.AddHours(14));
        var candidates = await db.Events.AsNoTracking()
            .Where(e => e.UserId == userId && !e.IsDeleted && e.Start < wideTo && (e.End > wideFrom || e.Recurrence != null))
            .OrderBy(e => e.Start).Take(maxResults * 4 + 50).ToListAsync(ct);

        var events = (await SeriesExpansion.ExpandAsync(db, candidates, wideFrom, wideTo, ct))
            .Select(o => (o.Event, Span: UpcomingWindow.Occupies(o.Start, o.End, o.Event.IsAllDay, zone)))
            .Where(x => x.Span.StartUtc < to && x.Span.EndUtc > from)
            .OrderBy(x => x.Span.StartUtc).ThenBy(x => x.Event.Title)
            .Take(maxResults)
            .Select(x => new UpcomingEvent(
                x.Event.Id, x.Event.Title,
                new DateTimeOffset(x.Span.StartUtc, TimeSpan.Zero), new DateTimeOffset(x.Span.EndUtc, TimeSpan.Zero),
                x.Event.IsAllDay, x.Event.Description, x.Event.Location, $"/calendar?event={x.Event.Id}"))
            .Select(e => e with { When = e.WhenIn(format) })
            .ToList();

        var integrations = await db.Integrations.AsNoTracking()
            .Where(i => i.UserId == userId && i.IsActive)
            .Select(i => new { i.Status, NeedsReconnect = i.Credential != null && i.Credential.NeedsReconnect })
            .ToListAsync(ct);
        var connected = integrations.Count > 0;
        var access = integrations.Any(i => i.Status != IntegrationStatus.NeedsReconnect && !i.NeedsReconnect);
        return new UpcomingResult(connected, access, events);
    }
}
