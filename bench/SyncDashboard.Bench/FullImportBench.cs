using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using SyncDashboard.Core.Persistence;

namespace SyncDashboard.Bench;

/// <summary>(c) Connecting a calendar that already holds 10,000 events: the first import inside AddCalendarsAsync.</summary>
public static class FullImportBench
{
    private static readonly int Events = int.TryParse(Environment.GetEnvironmentVariable("BENCH_IMPORT_EVENTS"), out var n) ? n : 10_000;

    public static async Task RunAsync(Summary summary, SqlCommandCounter sql)
    {
        Console.WriteLine($"(c) Full import of a {Events:N0}-event Google calendar (AddCalendarsAsync: first listing, reconcile, push channel)");
        await using var host = await BenchHost.StartAsync();
        var user = await host.CreateUserAsync("import");
        var seedClock = Stopwatch.StartNew();
        var calendarId = host.CreateGoogleAccount((e, id) => GoogleSeed.Insert(e, id, Events, "Imported"));
        seedClock.Stop();
        var credentialId = await host.GrantAsync(user, calendarId);

        var before = GoogleRequests.Snapshot(host.Emulator);
        var sqlBefore = sql.Count;
        var clock = Stopwatch.StartNew();
        await host.AddCalendarAsync(user, credentialId, calendarId);
        clock.Stop();
        var sqlCommands = sql.Count - sqlBefore;
        var requests = GoogleRequests.Between(before, GoogleRequests.Snapshot(host.Emulator), calendarId);

        int imported;
        await using (var db = await host.Get<IDbContextFactory<AppDbContext>>().CreateDbContextAsync())
            imported = await db.Events.CountAsync(e => e.UserId == user.Id && !e.IsDeleted);

        var rows = new List<string[]>
        {
            new[] { "events", "imported", "seconds", "events/s", "requests", "events.list pages", "per-event reads", "SQL cmds", "SQL/event" },
            new[] { Events.ToString(), imported.ToString(), Figures.N(clock.Elapsed.TotalSeconds, "F2"), Figures.N(imported / clock.Elapsed.TotalSeconds),
                requests.Total.ToString(), requests.EventsList.ToString(), requests.EventsGet.ToString(), sqlCommands.ToString(), Figures.N((double)sqlCommands / Events, "F1") },
        };
        Console.WriteLine(Figures.Table(rows));
        Console.WriteLine($"  requests: {requests}; seeding the emulator took {Figures.N(seedClock.Elapsed.TotalSeconds, "F2")} s (not included)");
        Console.WriteLine();
        summary.Add($"Full import of {Events:N0} events: {Figures.N(clock.Elapsed.TotalSeconds, "F1")} s, {requests.Total} requests to Google " +
                    $"({requests.EventsList} events.list pages, {requests.Watch} watch, {requests.EventsGet} per-event reads), {imported:N0} events imported, {sqlCommands:N0} SQL commands");
    }
}
