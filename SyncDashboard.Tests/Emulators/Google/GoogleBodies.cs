namespace SyncDashboard.Tests.Emulators.Google;

/// <summary>Event request bodies for tests.</summary>
public static class GoogleBodies
{
    public static object Timed(string summary, string start, string end, string? id = null) => id is null
        ? new { summary, start = new { dateTime = start }, end = new { dateTime = end } }
        : new { id, summary, start = new { dateTime = start }, end = new { dateTime = end } };

    public static object Weekly(string summary, string start, string end, string zone, string rule) => new
    {
        summary,
        start = new { dateTime = start, timeZone = zone },
        end = new { dateTime = end, timeZone = zone },
        recurrence = new[] { rule },
    };
}
