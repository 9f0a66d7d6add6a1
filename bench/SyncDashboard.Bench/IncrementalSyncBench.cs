using System.Diagnostics;
using System.Text.Json.Nodes;
using SyncDashboard.Core.Domain;
using SyncDashboard.Core.Sync;
using SyncDashboard.Core.Sync.Pull;

namespace SyncDashboard.Bench;

/// <summary>
/// (b) Requests to Google per changed event in one incremental pull. Push channels are off in this host, so the
/// N Google-side edits pile up unseen until the bench calls IncrementalPuller.PullAsync once.
/// </summary>
public static class IncrementalSyncBench
{
    private static readonly int[] Sizes = [1, 100, 2000];
    private const int PageSize = 2500;

    public static async Task RunAsync(Summary summary, SqlCommandCounter sql)
    {
        Console.WriteLine("(b) Incremental sync: requests to Google per changed event (N edits in Google, then one pull)");
        await using var host = await BenchHost.StartAsync(new Dictionary<string, string?> { ["Google:UsePushNotifications"] = "false" });
        var user = await host.CreateUserAsync("incremental");
        List<string> seeded = [];
        var calendarId = host.CreateGoogleAccount(user, (e, id) => seeded = GoogleSeed.Insert(e, id, Sizes.Max(), "Seeded"));
        var integrationId = await host.ConnectAsync(user, calendarId);
        var puller = host.Get<IncrementalPuller>();
        await puller.PullAsync(integrationId, SyncTrigger.Manual); // warm the incremental path once (nothing changed)

        var rows = new List<string[]> { new[] { "changes", "requests", "req/change", "list pages", "expected", "per-event reads", "updated", "pull time", "SQL cmds", "SQL/change", "SQL time", "DetectChanges", "DC time" } };
        var round = 0;
        foreach (var n in Sizes)
        {
            round++;
            for (var i = 0; i < n; i++)
                host.Emulator.PatchEvent(calendarId, seeded[i], new JsonObject { ["location"] = $"Round {round} room {i}" });

            var before = GoogleRequests.Snapshot(host.Emulator);
            var dbBefore = sql.Read();
            var clock = Stopwatch.StartNew();
            var result = await puller.PullAsync(integrationId, SyncTrigger.Manual);
            clock.Stop();
            var db = sql.Read() - dbBefore;
            var sqlCommands = db.Commands;
            var requests = GoogleRequests.Between(before, GoogleRequests.Snapshot(host.Emulator), calendarId);
            if (result.Error is not null) Console.WriteLine($"  pull of {n} changes failed: {result.Error}");
            var expectedPages = (n + PageSize - 1) / PageSize;
            rows.Add([n.ToString(), requests.Total.ToString(), Figures.N((double)requests.Total / n, "F4"), requests.EventsList.ToString(),
                expectedPages.ToString(), requests.EventsGet.ToString(), result.Updated.ToString(), Figures.Ms(clock.Elapsed.TotalMilliseconds),
                sqlCommands.ToString(), Figures.N((double)sqlCommands / n, "F1"), Figures.Ms(db.SqlTime.TotalMilliseconds),
                db.DetectChanges.ToString(), Figures.Ms(db.DetectChangesTime.TotalMilliseconds)]);
            var ok = requests.EventsList == expectedPages && requests.EventsGet == 0 && requests.Total == requests.EventsList;
            summary.Add($"Incremental sync, {n} Google change{(n == 1 ? "" : "s")}: {requests.Total} request{(requests.Total == 1 ? "" : "s")} to Google " +
                        $"({requests.EventsList} events.list page{(requests.EventsList == 1 ? "" : "s")}, {requests.EventsGet} per-event reads), " +
                        $"{Figures.N((double)requests.Total / n, "F4")} per change, pull {Figures.Ms(clock.Elapsed.TotalMilliseconds)}, " +
                        $"{sqlCommands} SQL commands ({Figures.Ms(db.SqlTime.TotalMilliseconds)}), {db.DetectChanges} change-tracker scans ({Figures.Ms(db.DetectChangesTime.TotalMilliseconds)}); target (1 page per 2,500 changes, no per-event reads) {(ok ? "met" : "NOT met")}");
        }
        Console.WriteLine(Figures.Table(rows));
        Console.WriteLine("  (SQL cmds / SQL time: commands EF Core executed in the process during the pull and their summed duration;");
        Console.WriteLine("   DetectChanges / DC time: change-tracker scans EF Core ran and their time — both from EF Core's DiagnosticListener)");
        host.ReportErrors();
        Console.WriteLine();
    }
}
