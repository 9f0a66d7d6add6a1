using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using SyncDashboard.Core.Domain;
using SyncDashboard.Core.Notion;
using SyncDashboard.Core.Persistence;
using SyncDashboard.Core.Sync;
using SyncDashboard.Core.Sync.Pull;

namespace SyncDashboard.Bench;

/// <summary>
/// (f) Notion: requests per idle poll, requests and time per poll with 1/100/1000 pages edited in Notion, and
/// Notion edit → calendarChanged latency on a hub connection via a verified webhook subscription and via polling only.
/// The app's Notion client keeps its default budget (Notion:RequestsPerSecond 3, burst 3); the emulator enforces
/// 3 req/s with a burst of 6 and stamps last_edited_time to the minute, as Notion does.
/// </summary>
public static class NotionSyncBench
{
    private const int IdlePolls = 10;
    private static readonly int[] Sizes = [1, 100, 1000];
    private const int PageSize = 100;
    private const int LatencyEdits = 20, WebhookWarmup = 2;
    private static readonly TimeSpan PollInterval = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan AggregationWindow = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan NoPolling = TimeSpan.FromHours(1);
    private static readonly TimeSpan PullSpacing = TimeSpan.FromMilliseconds(400);
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static async Task RunAsync(Summary summary)
    {
        long violations = 0, limited = 0;
        var (v1, l1) = await RequestsPerPollAsync(summary);
        var (v2, l2) = await LatencyAsync(summary, webhook: true);
        var (v3, l3) = await LatencyAsync(summary, webhook: false);
        violations += v1 + v2 + v3;
        limited += l1 + l2 + l3;
        Console.WriteLine($"  Notion emulator over the three hosts: {violations} rate-limit violations (requests sent before a Retry-After had passed), {limited} 429s");
        summary.Add($"Notion rate limit (client default 3 req/s, burst 3; emulator 3 req/s, burst 6): {violations} violations, {limited} 429s over the whole notion run");
    }

    private static Dictionary<string, string?> Settings(TimeSpan pollInterval) => new()
    {
        ["Notion:PollInterval"] = pollInterval.ToString("c"),
        ["Emulators:Notion:SeedDemo"] = "false",
        ["Emulators:Notion:TimestampGranularity"] = "00:01:00",
        ["Emulators:Notion:WebhookAggregationWindow"] = AggregationWindow.ToString("c"),
    };

    private sealed record Pull(PullResult Result, int RunRequests, int RunMs, double RoundTripMs, NotionRequests Emulator, int Window);

    /// <summary>"Pull now" (POST /api/calendar/sync/notion/pull) with what the cursor's window held and what the emulator saw.</summary>
    private static async Task<Pull> PullNowAsync(BenchHost host, HttpClient api, NotionSetup setup, Guid integrationId)
    {
        var cursor = await NotionSeed.CursorAsync(host, integrationId);
        // The pages the next query asks for: edited on or after since − 1 minute (trashed included).
        var window = cursor?.Since is { } since
            ? setup.Emulator.ListPages(setup.Database.Id).Count(p => p.LastEditedTime >= since - NotionCursor.Overlap)
            : -1;
        // One token of the client's bucket (3 req/s) free at the start: a k-request pull then waits about (k-1)/3 s in
        // the client's rate limiter, not more because the bench pulled just before.
        await Task.Delay(PullSpacing);
        var before = NotionRequests.Snapshot(setup.Emulator);
        var clock = Stopwatch.StartNew();
        using var response = await api.PostAsJsonAsync("/api/calendar/sync/notion/pull", new { integrationId });
        clock.Stop();
        response.EnsureSuccessStatusCode();
        var result = (await response.Content.ReadFromJsonAsync<PullResult>(Json))!;
        var requests = NotionRequests.Between(before, NotionRequests.Snapshot(setup.Emulator));
        await using var db = await host.Get<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
        var run = await db.SyncRuns.AsNoTracking().Where(r => r.IntegrationId == integrationId && r.Trigger == SyncTrigger.Manual)
            .OrderByDescending(r => r.Id).FirstAsync();
        if (result.Error is not null) Console.WriteLine($"  pull failed: {result.Error}");
        return new Pull(result, run.Requests, run.DurationMs, clock.Elapsed.TotalMilliseconds, requests, window);
    }

    private static int ExpectedRequests(int window) => Math.Max(1, (window + PageSize - 1) / PageSize);

    /// <summary>(1) and (2): one host, polls off (1 h), every pull made by the bench through the pull-now endpoint.</summary>
    private static async Task<(long Violations, long Limited)> RequestsPerPollAsync(Summary summary)
    {
        var seeded = Sizes.Sum() + 10;
        Console.WriteLine($"(f) Notion: requests per poll (database of {seeded} pages, polling off, pulls via POST /api/calendar/sync/notion/pull)");
        await using var host = await BenchHost.StartAsync(Settings(NoPolling), clock: new ShiftedClock());
        var user = await host.CreateUserAsync("notion");
        var setup = NotionSeed.Create(host, user, seeded);
        var emulator = setup.Emulator;
        emulator.ResetStats();

        var connectStarted = DateTime.UtcNow;
        var clock = Stopwatch.StartNew();
        var integrationId = await NotionSeed.ConnectAsync(host, user, setup);
        clock.Stop();
        var connectRequests = NotionRequests.Between(new Dictionary<string, long>(), NotionRequests.Snapshot(emulator));
        var import = (await NotionSeed.RunsAsync(host, integrationId, connectStarted)).First(r => r.Trigger == SyncTrigger.Connect);
        Console.WriteLine($"  connect (token, mapping form, save + first import): {Figures.Ms(clock.Elapsed.TotalMilliseconds)}; first listing: {import.Created} pages imported, " +
                          $"{import.Requests} requests, {Figures.Ms(import.DurationMs)} (sync_runs); emulator saw {connectRequests} for the whole connect");
        using var api = host.CreateClient(user.Token);

        // (1) Idle polls right after the first import.
        var idle = new List<Pull>();
        for (var i = 0; i < IdlePolls; i++) idle.Add(await PullNowAsync(host, api, setup, integrationId));
        var idleRows = new List<string[]> { new[] { "idle pulls", "pages in window", "requests/pull (result)", "sync_runs", "emulator", "pull time median", "max", "round trip median", "target 1/db" } };
        var idleMet = idle.All(p => p.Result.Requests == 1 && p.RunRequests == 1 && p.Emulator.Total == 1 && p.Emulator.Queries == 1);
        idleRows.Add([idle.Count.ToString(), Range(idle.Select(p => p.Window)), Range(idle.Select(p => p.Result.Requests)), Range(idle.Select(p => p.RunRequests)),
            Range(idle.Select(p => (int)p.Emulator.Total)) + $" ({idle.Sum(p => p.Emulator.Queries)} queries in all)",
            Figures.Ms(Median(idle.Select(p => (double)p.RunMs))), Figures.Ms(idle.Max(p => p.RunMs)), Figures.Ms(Median(idle.Select(p => p.RoundTripMs))), idleMet ? "met" : "NOT met"]);
        Console.WriteLine("  (1) idle polls after the first import (nothing edited since)");
        Console.WriteLine(Figures.Table(idleRows));
        summary.Add($"Notion idle poll (1 database, {IdlePolls} pulls after the first import): {Range(idle.Select(p => p.Result.Requests))} request per pull " +
                    $"(sync_runs {Range(idle.Select(p => p.RunRequests))}, emulator {Range(idle.Select(p => (int)p.Emulator.Total))}), pull median {Figures.Ms(Median(idle.Select(p => (double)p.RunMs)))}; " +
                    $"target 1 per database {(idleMet ? "met" : "NOT met")}");

        // (2) n pages edited by a person in Notion, then one pull; rounds 5 emulator-minutes apart, on disjoint pages.
        var rows = new List<string[]> { new[] { "edited", "in window", "requests", "sync_runs", "emulator", "expected", "updated", "created", "pull time", "round trip", "events = pages", "dupes", "content", "next idle poll" } };
        var after = new List<string[]> { new[] { "state", "pages in window", "requests", "emulator", "pull time" } };
        after.Add(["after the first import", Range(idle.Select(p => p.Window)), Range(idle.Select(p => p.Result.Requests)), Range(idle.Select(p => (int)p.Emulator.Total)), Figures.Ms(Median(idle.Select(p => (double)p.RunMs)))]);
        var next = 0;
        var round = 0;
        Pull? idleAfterLast = null;
        foreach (var n in Sizes)
        {
            round++;
            setup.Clock.Offset += TimeSpan.FromMinutes(5);
            var pages = setup.PageIds.Skip(next).Take(n).ToList();
            next += n;
            var expected = new Dictionary<string, string>();
            foreach (var (pageId, i) in pages.Select((p, i) => (p, i)))
            {
                var location = $"Round {round} room {i}";
                NotionSeed.EditLocation(setup, pageId, location);
                expected[NotionSeed.Normalize(pageId)] = location;
            }
            var pull = await PullNowAsync(host, api, setup, integrationId);
            var check = await CheckAsync(host, user, setup, integrationId, expected);
            var idleAfter = await PullNowAsync(host, api, setup, integrationId);
            rows.Add([n.ToString(), pull.Window.ToString(), pull.Result.Requests.ToString(), pull.RunRequests.ToString(), pull.Emulator.Total.ToString(),
                ExpectedRequests(pull.Window).ToString(), pull.Result.Updated.ToString(), pull.Result.Created.ToString(), Figures.Ms(pull.RunMs), Figures.Ms(pull.RoundTripMs),
                check.Counts, check.Duplicates.ToString(), check.ContentOk ? $"{n}/{n} ok" : $"{check.ContentMatches}/{n} ok",
                $"{idleAfter.Result.Requests} req ({idleAfter.Window} pages)"]);
            idleAfterLast = idleAfter;
            after.Add([$"after {n} edited", idleAfter.Window.ToString(), idleAfter.Result.Requests.ToString(), idleAfter.Emulator.Total.ToString(), Figures.Ms(idleAfter.RunMs)]);
            var ok = pull.Result.Updated == n && pull.Result.Created == 0 && check.Duplicates == 0 && check.CountsMatch && check.ContentOk && pull.Emulator.PageReads == 0 && pull.Emulator.PageWrites == 0;
            summary.Add($"Notion pull after {n} page{(n == 1 ? "" : "s")} edited in Notion: {pull.Result.Requests} request{(pull.Result.Requests == 1 ? "" : "s")} " +
                        $"(emulator {pull.Emulator.Total}; {pull.Window} pages in the query window, pages of 100 -> {ExpectedRequests(pull.Window)}), pull {Figures.Ms(pull.RunMs)} (sync_runs), " +
                        $"{pull.Result.Updated} events updated, {pull.Result.Created} created, {check.Duplicates} duplicates, content {(check.ContentOk ? "ok" : "WRONG")}; " +
                        $"next idle poll {idleAfter.Result.Requests} request{(idleAfter.Result.Requests == 1 ? "" : "s")}{(ok ? "" : " — CHECK FAILED")}");
        }
        Console.WriteLine("  (2) n pages edited in Notion (Location), then one pull; rounds 5 minutes apart on the emulator's clock, disjoint pages");
        Console.WriteLine(Figures.Table(rows));
        Console.WriteLine("  (in window: pages the pull's query matched — edited on or after the cursor's newest last_edited_time minus 1 minute;");
        Console.WriteLine("   expected: that many pages in pages of 100; events = pages: app events / live dated pages / links; dupes: extra links per page)");

        // The window follows the newest edit seen and, NotionCursor.SettleTime behind, the app's clock (which moves with the
        // emulator's here): a burst is re-read by idle polls only until it is that old.
        var again = await PullNowAsync(host, api, setup, integrationId);
        after.Add(["  and one more idle poll", again.Window.ToString(), again.Result.Requests.ToString(), again.Emulator.Total.ToString(), Figures.Ms(again.RunMs)]);
        setup.Clock.Offset += NotionCursor.SettleTime + TimeSpan.FromMinutes(1);
        var settling = await PullNowAsync(host, api, setup, integrationId);
        after.Add([$"idle poll {(NotionCursor.SettleTime + TimeSpan.FromMinutes(1)).TotalMinutes:0} min on", settling.Window.ToString(), settling.Result.Requests.ToString(), settling.Emulator.Total.ToString(), Figures.Ms(settling.RunMs)]);
        var settled = await PullNowAsync(host, api, setup, integrationId);
        after.Add(["idle poll after that", settled.Window.ToString(), settled.Result.Requests.ToString(), settled.Emulator.Total.ToString(), Figures.Ms(settled.RunMs)]);
        Console.WriteLine("  (2b) idle polls after edits: what the 1-minute overlap re-reads (deduplicated, so nothing is applied twice) until the edits are older than the settle time");
        Console.WriteLine(Figures.Table(after));
        summary.Add($"Notion idle polls after a burst of {Sizes[^1]} edits in one minute: {Range([idleAfterLast!.Result.Requests, again.Result.Requests])} requests each " +
                    $"({idleAfterLast.Window} pages re-read) while the burst is younger than {NotionCursor.SettleTime.TotalMinutes:0} min; " +
                    $"{(NotionCursor.SettleTime + TimeSpan.FromMinutes(1)).TotalMinutes:0} min on: {settling.Result.Requests} for the first poll (its cursor predates), then {settled.Result.Requests}");

        var stats = emulator.GetStats();
        Console.WriteLine($"  emulator: {stats.TotalRequests} requests in all, {stats.RateLimited429s} 429s, {stats.RateLimitViolations} rate-limit violations");
        host.ReportErrors();
        Console.WriteLine();
        return (stats.RateLimitViolations, stats.RateLimited429s);
    }

    private sealed record Check(string Counts, bool CountsMatch, int Duplicates, int ContentMatches, bool ContentOk);

    /// <summary>Nothing duplicated (one link per page, one live event per live dated page) and the edits arrived.</summary>
    private static async Task<Check> CheckAsync(BenchHost host, BenchUser user, NotionSetup setup, Guid integrationId, Dictionary<string, string> expected)
    {
        var links = await NotionSeed.LinkedEventsAsync(host, integrationId);
        var events = await NotionSeed.LiveEventCountAsync(host, user.Id);
        var pages = setup.Emulator.ListPages(setup.Database.Id, includeTrashed: false).Count;
        var byPage = links.GroupBy(l => NotionSeed.Normalize(l.PageId)).ToDictionary(g => g.Key, g => g.ToList());
        var duplicates = links.Count - byPage.Count;
        var matches = expected.Count(e => byPage.TryGetValue(e.Key, out var l) && l.Count == 1 && !l[0].IsDeleted && l[0].Location == e.Value);
        return new Check($"{events}/{pages}/{links.Count}", events == pages && links.Count == pages, duplicates, matches, matches == expected.Count);
    }

    /// <summary>(3) Notion edit → calendarChanged on a hub connection, via a verified webhook subscription or by polling only.</summary>
    private static async Task<(long Violations, long Limited)> LatencyAsync(Summary summary, bool webhook)
    {
        var warmup = webhook ? WebhookWarmup : 0;
        var path = webhook
            ? $"webhook (verified subscription, emulator aggregation window {AggregationWindow.TotalSeconds:F0} s, polling off)"
            : $"polling only (no subscription, Notion:PollInterval {PollInterval.TotalSeconds:F0} s)";
        Console.WriteLine($"(f) Notion edit -> hub client latency, {path}: {LatencyEdits} edits of distinct pages, " +
                          (webhook ? "1.3-2 s apart (longer than window + pull, so each edit is brought by its own delivery)" : "0.5-2.5 s apart (uncorrelated with the poll phase)"));
        await using var host = await BenchHost.StartAsync(Settings(webhook ? NoPolling : PollInterval));
        var user = await host.CreateUserAsync(webhook ? "notion-webhook" : "notion-poll");
        var setup = NotionSeed.Create(host, user, warmup + LatencyEdits + 10);
        var connectedAt = DateTime.UtcNow;
        var integrationId = await NotionSeed.ConnectAsync(host, user, setup);
        if (webhook)
        {
            var subscription = await NotionSeed.SubscribeAsync(host, user, setup, integrationId);
            if (!setup.Emulator.WebhookSubscriptions.Any(s => s.Id == subscription.Id && s.Verified))
                throw new InvalidOperationException("The webhook subscription is not verified.");
        }
        var appIds = (await NotionSeed.LinkedEventsAsync(host, integrationId)).ToDictionary(l => NotionSeed.Normalize(l.PageId), l => l.EventId);
        await using var hub = await HubClients.StartAsync(host.BaseAddress, user.Token, 1);
        // Polling: let the first poll (which also runs the first reconciliation scan) pass before measuring.
        await Task.Delay(webhook ? TimeSpan.FromMilliseconds(500) : PollInterval + TimeSpan.FromSeconds(1));
        setup.Emulator.ResetStats();
        var startedAt = DateTime.UtcNow;

        var random = new Random(20240611);
        var changes = new List<(Guid EventId, long T0, bool Counted)>();
        for (var i = 0; i < warmup + LatencyEdits; i++)
        {
            var pageId = setup.PageIds[i];
            var t0 = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
            NotionSeed.EditLocation(setup, pageId, $"Edited in Notion {i}");
            changes.Add((appIds[NotionSeed.Normalize(pageId)], t0, i >= warmup));
            await Task.Delay(webhook ? random.Next(1300, 2001) : random.Next(500, 2501));
        }
        var traced = changes.Where(c => c.Counted).ToList();
        var missing = await hub.WaitForAsync(traced.Select(c => c.EventId).ToList(), webhook ? TimeSpan.FromSeconds(10) : PollInterval * 2 + TimeSpan.FromSeconds(5));
        var samples = traced.Select(c => hub.ReceivedAt(c.EventId) is { } at ? (double?)(at - c.T0) : null).OfType<double>().Order().ToList();
        await hub.StopAsync();

        var allRuns = await NotionSeed.RunsAsync(host, integrationId, connectedAt);
        var scans = allRuns.Where(r => r.Trigger == SyncTrigger.Schedule && r.StartedAt < startedAt).ToList();
        var runs = allRuns.Where(r => r.StartedAt >= startedAt).ToList();
        var trigger = webhook ? SyncTrigger.Webhook : SyncTrigger.Poll;
        var pulls = runs.Where(r => r.Trigger == trigger).ToList();
        var others = runs.Where(r => r.Trigger != trigger).ToList();
        var stats = setup.Emulator.GetStats();
        var (median, p95, max) = (Figures.Percentile(samples, 50), Figures.Percentile(samples, 95), samples.Count > 0 ? samples[^1] : double.NaN);
        var pullMedian = Median(pulls.Select(r => (double)r.DurationMs));
        var rows = new List<string[]>
        {
            new[] { "path", "edits", "received", "median", "p95", "max", "pulls", "requests/pull", "pull median", "updated", "other runs", "emulator requests", "webhook posts" },
            new[]
            {
                webhook ? "webhook" : $"poll {PollInterval.TotalSeconds:F0} s", LatencyEdits.ToString(), samples.Count.ToString(), Figures.Ms(median), Figures.Ms(p95), Figures.Ms(max),
                pulls.Count.ToString(), pulls.Count == 0 ? "n/a" : Range(pulls.Select(r => r.Requests)), Figures.Ms(pullMedian), pulls.Sum(r => r.Updated).ToString(),
                others.Count == 0 ? "none" : string.Join(", ", others.GroupBy(r => r.Trigger).Select(g => $"{g.Count()} {g.Key} ({g.Sum(r => r.Requests)} req)")),
                stats.TotalRequests.ToString(), $"{stats.WebhookDeliveriesSucceeded}/{stats.WebhookDeliveryAttempts}",
            },
        };
        Console.WriteLine(Figures.Table(rows));
        var expectation = webhook
            ? $"expected: about the {AggregationWindow.TotalSeconds:F0} s aggregation window plus delivery, one pull and SignalR"
            : $"expected: about half the interval ({PollInterval.TotalSeconds / 2:F1} s) plus the pull on average, up to the interval plus the pull";
        Console.WriteLine($"  ({expectation}; measured from just before the emulator edit to node's receipt; pulls/requests from sync_runs over the measured span" +
                          (missing > 0 ? $"; {missing} edits never reached the hub client" : "") + ")");
        if (scans.Count > 0)
            Console.WriteLine($"  before the measured span the first poll also ran the reconciliation scan (LastFullScanAt was empty): " +
                              string.Join(", ", scans.Select(r => $"{r.Requests} requests, {Figures.Ms(r.DurationMs)}")));
        Console.WriteLine($"  emulator: {stats.TotalRequests} requests, {stats.RateLimited429s} 429s, {stats.RateLimitViolations} rate-limit violations");
        host.ReportErrors();
        Console.WriteLine();
        summary.Add($"Notion edit -> browser (hub) via {(webhook ? $"webhook (aggregation window {AggregationWindow.TotalSeconds:F0} s)" : $"polling only (interval {PollInterval.TotalSeconds:F0} s)")}: " +
                    $"median {Figures.Ms(median)}, p95 {Figures.Ms(p95)}, max {Figures.Ms(max)} over {samples.Count}/{LatencyEdits} edits; " +
                    $"{pulls.Count} {(webhook ? "webhook" : "poll")} pulls, {(pulls.Count == 0 ? "n/a" : Range(pulls.Select(r => r.Requests)))} request(s) each, pull median {Figures.Ms(pullMedian)}");
        return (stats.RateLimitViolations, stats.RateLimited429s);
    }

    private static double Median(IEnumerable<double> values) => Figures.Percentile(values.Order().ToList(), 50);

    private static string Range(IEnumerable<int> values)
    {
        var list = values.ToList();
        if (list.Count == 0) return "n/a";
        var (min, max) = (list.Min(), list.Max());
        return min == max ? min.ToString() : $"{min}-{max}";
    }
}
