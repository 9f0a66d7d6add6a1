using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using SyncDashboard.Core.Persistence;
using SyncDashboard.Core.Sync.Merge;

namespace SyncDashboard.Bench;

/// <summary>
/// (c) Connecting a calendar that already holds 10,000 events: the first import inside AddCalendarsAsync.
/// Bounded by BENCH_IMPORT_TIMEOUT seconds (default 120): a slower import is cancelled and its progress reported.
/// </summary>
public static class FullImportBench
{
    private static readonly int Events = EnvInt("BENCH_IMPORT_EVENTS", 10_000);
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(EnvInt("BENCH_IMPORT_TIMEOUT", 120));

    public static async Task RunAsync(Summary summary, SqlCommandCounter sql)
    {
        Console.WriteLine($"(c) Full import of a {Events:N0}-event Google calendar (AddCalendarsAsync: first listing, reconcile, push channel; limit {Limit.TotalSeconds:F0} s)");
        await using var host = await BenchHost.StartAsync();
        var user = await host.CreateUserAsync("import");
        var seedClock = Stopwatch.StartNew();
        var calendarId = host.CreateGoogleAccount(user, (e, id) => GoogleSeed.Insert(e, id, Events, "Imported"));
        seedClock.Stop();
        var credentialId = await host.GrantAsync(user, calendarId);

        var before = GoogleRequests.Snapshot(host.Emulator);
        var dbBefore = sql.Read();
        var clock = Stopwatch.StartNew();
        using var cts = new CancellationTokenSource(Limit);
        var finished = true;
        try
        {
            await host.AddCalendarAsync(user, credentialId, calendarId, cts.Token);
        }
        catch (OperationCanceledException) when (cts.IsCancellationRequested)
        {
            finished = false;
        }
        clock.Stop();
        var db = sql.Read() - dbBefore;
        var requests = GoogleRequests.Between(before, GoogleRequests.Snapshot(host.Emulator), calendarId);

        int imported;
        await using (var context = await host.Get<IDbContextFactory<AppDbContext>>().CreateDbContextAsync())
            imported = await context.Events.CountAsync(e => e.UserId == user.Id && !e.IsDeleted);
        var seconds = clock.Elapsed.TotalSeconds;
        var rows = new List<string[]>
        {
            new[] { "events", "imported", "seconds", "events/s", "requests", "list pages", "per-event reads", "SQL cmds", "SQL/event", "SQL time", "DetectChanges", "DC time" },
            new[] { Events.ToString(), imported.ToString(), Figures.N(seconds, "F1") + (finished ? "" : " (stopped)"), finished ? Figures.N(imported / seconds) : "-",
                requests.Total.ToString(), requests.EventsList.ToString(), requests.EventsGet.ToString(), db.Commands.ToString(),
                Figures.N((double)db.Commands / Events, "F1"), Figures.N(db.SqlTime.TotalSeconds, "F1") + " s", db.DetectChanges.ToString(),
                Figures.N(db.DetectChangesTime.TotalSeconds, "F1") + " s" },
        };
        Console.WriteLine(Figures.Table(rows));
        Console.WriteLine($"  requests: {requests}; seeding the emulator took {Figures.N(seedClock.Elapsed.TotalSeconds, "F2")} s (not included)");
        if (finished)
        {
            summary.Add($"Full import of {Events:N0} events: {Figures.N(seconds, "F1")} s, {requests.Total} requests to Google " +
                        $"({requests.EventsList} events.list pages, {requests.Watch} watch, {requests.EventsGet} per-event reads), {imported:N0} events imported, " +
                        $"{db.Commands:N0} SQL commands ({Figures.N(db.SqlTime.TotalSeconds, "F1")} s), change-tracker scans {Figures.N(db.DetectChangesTime.TotalSeconds, "F1")} s");
        }
        else
        {
            // The import is one transaction, so nothing is committed when it is stopped. The reconciler runs one
            // change-tracker scan per event (DbSet.Local in Reconciler.FindLinkAsync), so the scans show how far it got.
            var reconciled = Math.Min(Events, db.DetectChanges);
            Console.WriteLine($"  NOT finished within {Limit.TotalSeconds:F0} s (cancelled; one transaction, so nothing was kept): about {reconciled:N0} of {Events:N0} " +
                              $"events reconciled by then (one change-tracker scan per event). Run `BENCH_IMPORT_TIMEOUT=900 bench/run.sh import` for the full figure.");
            summary.Add($"Full import of {Events:N0} events: NOT finished within {Limit.TotalSeconds:F0} s (about {reconciled:N0} events reconciled by then; " +
                        $"{requests.EventsList} events.list pages, {requests.EventsGet} per-event reads; {Figures.N(db.DetectChangesTime.TotalSeconds, "F0")} s of it in change-tracker scans)");
        }
        host.ReportErrors();
        if (host.Errors.Count > 0)
        {
            var example = host.Errors.Distinct().FirstOrDefault(e => e.Contains("locked", StringComparison.Ordinal)) ?? host.Errors.Distinct()[0];
            summary.Add($"While the import ran the app logged {host.Errors.Count} error(s), e.g. {example}");
        }
        Console.WriteLine();
    }

    private static int EnvInt(string name, int fallback) =>
        int.TryParse(Environment.GetEnvironmentVariable(name), out var n) && n > 0 ? n : fallback;
}
