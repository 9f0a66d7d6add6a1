using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using SyncDashboard.Core.Accounts;
using SyncDashboard.Core.Common;
using SyncDashboard.Core.Domain;
using SyncDashboard.Core.Events;
using SyncDashboard.Core.Persistence;

namespace SyncDashboard.Core.Demo;

/// <summary>Creates the demo account with a week of sample events, so a newcomer's first screen is not empty.</summary>
public sealed class DemoSeeder(IDbContextFactory<AppDbContext> dbFactory, TimeProvider clock, ILogger<DemoSeeder> logger)
{
    public const string DemoEmail = "demo@syncdashboard.local";
    public const string DemoPassword = "demo-password";

    public async Task<Guid> EnsureDemoUserAsync(string timeZone, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var user = await db.Users.FirstOrDefaultAsync(u => u.Email == DemoEmail, ct);
        if (user is not null) return user.Id;

        user = new User
        {
            Email = DemoEmail, DisplayName = "Demo User", IsDemo = true,
            PasswordHash = PasswordHasher.Hash(DemoPassword), TimeZone = timeZone,
        };
        db.Users.Add(user);
        db.Events.AddRange(SampleWeek(user.Id, UpcomingWindow.FindZone(timeZone)));
        await db.SaveChangesAsync(ct);
        logger.LogInformation("Created demo user {UserId} with sample events in {TimeZone}", user.Id, timeZone);
        return user.Id;
    }

    private IEnumerable<CalendarEvent> SampleWeek(Guid userId, TimeZoneInfo zone)
    {
        var today = TimeZoneInfo.ConvertTime(clock.GetUtcNow(), zone).Date;
        var now = TimeZoneInfo.ConvertTime(clock.GetUtcNow(), zone).DateTime;
        CalendarEvent At(int day, int hour, int minutes, string title, string? location = null, string? description = null)
        {
            var local = today.AddDays(day).AddHours(hour);
            var start = ZonedTime.ToUtc(local, zone);
            return new CalendarEvent
            {
                UserId = userId, Title = title, Location = location, Description = description,
                Start = start, End = start.AddMinutes(minutes), TimeZone = zone.Id, Version = 1,
            };
        }

        // An event shortly after start-up, so the next-event widget has something to count down to.
        var soon = now.AddMinutes(25);
        var coffee = At((soon.Date - today).Days, soon.Hour, 30, "Coffee with Sam", "Café Central", "Catch up on the roadmap");
        coffee.Start = coffee.Start.AddMinutes(soon.Minute);
        coffee.End = coffee.End.AddMinutes(soon.Minute);
        yield return coffee;
        yield return At(0, 16, 60, "Design review", "Room 4.2", "Review the sync status panel");
        yield return At(1, 9, 15, "Team stand-up", "Video call");
        yield return At(1, 12, 60, "Lunch with Alex", "Noodle Bar");
        yield return At(2, 14, 90, "Quarterly planning", "Board room", "Bring the Q3 numbers");
        yield return At(3, 10, 45, "Dentist", "Main Street 12");
        yield return At(4, 18, 120, "Climbing", "Boulder gym");
        yield return new CalendarEvent
        {
            UserId = userId, Title = "Company offsite", IsAllDay = true, Version = 1, Location = "Lakeside Lodge",
            Start = DateTime.SpecifyKind(today.AddDays(5), DateTimeKind.Utc), End = DateTime.SpecifyKind(today.AddDays(7), DateTimeKind.Utc),
        };
    }
}
