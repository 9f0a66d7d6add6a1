using System.Diagnostics;
using System.Runtime.InteropServices;
using SyncDashboard.Bench;

// Loopback benchmarks of SyncDashboard: each starts its own copy of the app (Kestrel on 127.0.0.1, a temp SQLite
// file, the in-app Google and Notion emulators) and prints a table; a summary block for the README closes the run.
// Usage: bench/run.sh [memory] [latency] [api] [incremental] [import] [notion]   (default: all, in this order)
//        bench/run.sh fuzz-sync   (the generated sync tests at full size; runs alone, see FuzzSyncBench)

// Not one of the timed benchmarks: it runs as long as it is told to, so it has neither their watchdog nor their summary.
if (args is ["fuzz-sync"]) return await FuzzSyncBench.RunAsync();

var all = new (string Name, Func<Summary, SqlCommandCounter, Task> Run)[]
{
    // Memory first, while the process holds nothing from the other runs.
    ("memory", (s, _) => DashboardMemoryBench.RunAsync(s)),
    ("latency", (s, _) => GoogleToHubLatencyBench.RunAsync(s)),
    ("api", (s, _) => ApiWriteLatencyBench.RunAsync(s)),
    ("incremental", IncrementalSyncBench.RunAsync),
    ("import", FullImportBench.RunAsync),
    ("notion", (s, _) => NotionSyncBench.RunAsync(s)),
};
var unknown = args.Where(a => all.All(b => b.Name != a)).ToList();
if (unknown.Count > 0)
{
    Console.Error.WriteLine($"unknown benchmark(s): {string.Join(", ", unknown)}; choose from {string.Join(", ", all.Select(b => b.Name))}");
    return 2;
}
var selected = args.Length == 0 ? all : all.Where(b => args.Contains(b.Name)).ToArray();

// A hung run must not hold a CI machine: give up after a generous bound (the whole suite takes a few minutes).
var watchdog = new Timer(_ =>
{
    Console.Error.WriteLine("bench: gave up after 10 minutes");
    Environment.Exit(3);
}, null, TimeSpan.FromMinutes(10), Timeout.InfiniteTimeSpan);

Console.WriteLine($"SyncDashboard bench — {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC, {Environment.ProcessorCount} cores, {RuntimeInformation.OSDescription.Trim()}, " +
                  $".NET {Environment.Version}, {RuntimeInformation.ProcessArchitecture}");
Console.WriteLine("App: in this process on 127.0.0.1, SQLite file in a temp folder, Google and Notion emulators in-app, log level Warning, Release build.");
Console.WriteLine();

var summary = new Summary();
using var sql = new SqlCommandCounter();
var failed = 0;
var total = Stopwatch.StartNew();
foreach (var (name, run) in selected)
{
    var clock = Stopwatch.StartNew();
    try
    {
        await run(summary, sql);
    }
    catch (Exception ex)
    {
        failed++;
        Console.WriteLine($"  {name} FAILED: {ex.GetType().Name}: {ex.Message}");
        Console.WriteLine();
        summary.Add($"{name}: FAILED ({ex.GetType().Name}: {ex.Message.Split('\n')[0]})");
    }
    Console.WriteLine($"  [{name} took {Figures.N(clock.Elapsed.TotalSeconds, "F1")} s]");
    Console.WriteLine();
}
watchdog.Dispose();

Console.WriteLine($"==== Summary ({DateTime.UtcNow:yyyy-MM-dd}, {Environment.ProcessorCount} cores, loopback, bench/run.sh; total {Figures.N(total.Elapsed.TotalSeconds, "F0")} s) ====");
foreach (var line in summary.Lines) Console.WriteLine("- " + line);
Console.WriteLine("====");
return failed == 0 ? 0 : 1;
