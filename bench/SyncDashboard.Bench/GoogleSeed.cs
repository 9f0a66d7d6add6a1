using Microsoft.EntityFrameworkCore;
using SyncDashboard.Core.Persistence;
using SyncDashboard.Emulators.Google;
using SyncDashboard.Emulators.Google.Wire;

namespace SyncDashboard.Bench;

/// <summary>Google-side test data and the app ids it was imported as.</summary>
public static class GoogleSeed
{
    private static readonly DateTimeOffset Base = new(DateTime.UtcNow.Date.AddDays(1), TimeSpan.Zero);

    /// <summary>A 30-minute event on a day of the coming weeks; the id is ours, so the change can be traced.</summary>
    public static GoogleEvent Event(int n, string title, string? id = null)
    {
        var start = Base.AddDays(n % 60).AddHours(6 + n % 12).AddMinutes(n / 720 % 2 * 30);
        return new GoogleEvent
        {
            Id = id, Summary = title, Location = "Room " + n % 40,
            Start = new EventDateTime(DateTime: start.ToString("yyyy-MM-dd'T'HH:mm:sszzz"), TimeZone: "UTC"),
            End = new EventDateTime(DateTime: start.AddMinutes(30).ToString("yyyy-MM-dd'T'HH:mm:sszzz"), TimeZone: "UTC"),
        };
    }

    public static string NewId() => Guid.NewGuid().ToString("N");

    /// <summary>Inserts <paramref name="count"/> events and returns their Google ids in order.</summary>
    public static List<string> Insert(GoogleEmulator emulator, string calendarId, int count, string prefix)
    {
        var ids = new List<string>(count);
        for (var i = 0; i < count; i++) ids.Add(emulator.InsertEvent(calendarId, Event(i, $"{prefix} {i}", NewId())).Id!);
        return ids;
    }

    /// <summary>Google id → app event id for the integration's linked events.</summary>
    public static async Task<Dictionary<string, Guid>> AppIdsAsync(BenchHost host, Guid integrationId)
    {
        await using var db = await host.Get<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
        return await db.EventLinks.AsNoTracking().Where(l => l.IntegrationId == integrationId && l.ExternalId != null)
            .ToDictionaryAsync(l => l.ExternalId!, l => l.EventId);
    }
}
