using System.Diagnostics;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using SyncDashboard.Core.Domain;
using SyncDashboard.Core.Persistence;

namespace SyncDashboard.Bench;

/// <summary>
/// (a) A change made in Google (emulator insert or patch) → push notification → webhook → incremental pull →
/// calendarChanged on a hub connection. Measured from just before the emulator call to node's receipt.
/// </summary>
public static class GoogleToHubLatencyBench
{
    private const int Changes = 100, Warmup = 6;
    private const double TargetP99Ms = 250;
    private static readonly int[] ClientCounts = [1, 200];

    public static async Task RunAsync(Summary summary)
    {
        Console.WriteLine($"(a) Google change -> hub client latency ({Changes} changes per run, inserts and patches alternating, 100-200 ms apart)");
        await using var host = await BenchHost.StartAsync();
        var user = await host.CreateUserAsync("latency");
        var perRun = (Changes + Warmup + 1) / 2;
        List<string> seeded = [];
        var calendarId = host.CreateGoogleAccount(user, (e, id) => seeded = GoogleSeed.Insert(e, id, perRun * ClientCounts.Length, "Seeded"));
        var integrationId = await host.ConnectAsync(user, calendarId);
        await Task.Delay(1000); // the channel's "sync" message and the connect's own notifications settle

        var rows = new List<string[]> { new[] { "hub clients", "changes", "received", "median", "p95", "p99", "max", "pull median", "msgs (all clients)", "p99 < 250 ms" } };
        var random = new Random(20240601);
        var toPatch = new Queue<string>(seeded);
        foreach (var clients in ClientCounts)
        {
            var row = await RunOnceAsync(host, user, calendarId, integrationId, clients, toPatch, random);
            rows.Add(row.Cells);
            summary.Add($"Google change -> browser (hub), {clients} client{(clients == 1 ? "" : "s")}: median {Figures.Ms(row.Median)}, p95 {Figures.Ms(row.P95)}, " +
                        $"p99 {Figures.Ms(row.P99)}, max {Figures.Ms(row.Max)} over {row.Received}/{Changes} changes; target p99 < 250 ms {(row.Met ? "met" : "NOT met")}");
        }
        Console.WriteLine(Figures.Table(rows));
        Console.WriteLine("  (pull median: duration of the webhook-triggered incremental pulls in that run, from sync_runs)");
        host.ReportErrors();
        Console.WriteLine();
    }

    private sealed record Row(string[] Cells, double Median, double P95, double P99, double Max, int Received, bool Met);

    private static async Task<Row> RunOnceAsync(BenchHost host, BenchUser user, string calendarId, Guid integrationId, int clients, Queue<string> toPatch, Random random)
    {
        var emulator = host.Emulator;
        await using var hub = await HubClients.StartAsync(host.BaseAddress, user.Token, clients);
        await Task.Delay(500);
        var startedAt = DateTime.UtcNow;
        var changes = new List<(string GoogleId, long T0, bool Counted)>();
        for (var i = 0; i < Warmup + Changes; i++)
        {
            var insert = i % 2 == 0;
            var googleId = insert ? GoogleSeed.NewId() : toPatch.Dequeue();
            var t0 = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
            if (insert) emulator.InsertEvent(calendarId, GoogleSeed.Event(i, $"Made in Google {i}", googleId));
            else emulator.PatchEvent(calendarId, googleId, new JsonObject { ["location"] = $"Moved in Google {i}" });
            changes.Add((googleId, t0, i >= Warmup));
            await Task.Delay(random.Next(100, 201));
        }

        // Inserted events get their app ids on import; look them up once everything is in.
        Dictionary<string, Guid> appIds = [];
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < TimeSpan.FromSeconds(15))
        {
            appIds = await GoogleSeed.AppIdsAsync(host, integrationId);
            if (changes.All(c => appIds.ContainsKey(c.GoogleId))) break;
            await Task.Delay(100);
        }
        var traced = changes.Where(c => c.Counted && appIds.ContainsKey(c.GoogleId)).Select(c => (appIds[c.GoogleId], c.T0)).ToList();
        await hub.WaitForAsync(traced.Select(t => t.Item1).ToList(), TimeSpan.FromSeconds(10));
        var samples = traced.Select(t => hub.ReceivedAt(t.Item1) is { } at ? (double?)(at - t.T0) : null)
            .Where(s => s is not null).Select(s => s!.Value).Order().ToList();
        var ownMessages = hub.Receipts.Count;
        var hubSummary = await hub.StopAsync();
        var pullMedian = await PullMedianAsync(host, integrationId, startedAt);

        var (median, p95, p99, max) = (Figures.Percentile(samples, 50), Figures.Percentile(samples, 95), Figures.Percentile(samples, 99), samples.Count > 0 ? samples[^1] : double.NaN);
        var met = samples.Count == Changes && p99 < TargetP99Ms;
        var messages = $"{hubSummary.TotalMessages} of {(long)ownMessages * clients}" + (hubSummary.ClosedUnexpectedly > 0 ? $", {hubSummary.ClosedUnexpectedly} dropped" : "");
        return new Row(
            [clients.ToString(), Changes.ToString(), samples.Count.ToString(), Figures.Ms(median), Figures.Ms(p95), Figures.Ms(p99), Figures.Ms(max),
             Figures.Ms(pullMedian), messages, met ? "met" : "NOT met"],
            median, p95, p99, max, samples.Count, met);
    }

    private static async Task<double> PullMedianAsync(BenchHost host, Guid integrationId, DateTime since)
    {
        await using var db = await host.Get<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
        var durations = await db.SyncRuns.AsNoTracking()
            .Where(r => r.IntegrationId == integrationId && r.Trigger == SyncTrigger.Webhook && r.StartedAt >= since)
            .Select(r => (double)r.DurationMs).ToListAsync();
        durations.Sort();
        return Figures.Percentile(durations, 50);
    }
}
