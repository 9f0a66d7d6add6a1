using System.Globalization;
using SyncDashboard.Tests.Properties.SyncMachine;

namespace SyncDashboard.Bench;

/// <summary>
/// The generated sync tests at full size (ADR 0016), on the same harness as the normal test run's small seeded run.
/// Environment: FUZZ_SEQUENCES (default 2000), FUZZ_MAX_COMMANDS (default 25), FUZZ_SEED (default: a fresh one, printed),
/// FUZZ_MINUTES (stop starting sequences after this long; default no limit), FUZZ_KEEP_GOING=1 (after a failure, report it
/// and go on with the next seed).
/// </summary>
public static class FuzzSyncBench
{
    public static async Task<int> RunAsync()
    {
        var sequences = Env("FUZZ_SEQUENCES", 2000);
        var maxCommands = Env("FUZZ_MAX_COMMANDS", 25);
        var minutes = Env("FUZZ_MINUTES", 0);
        var seed = Environment.GetEnvironmentVariable("FUZZ_SEED") is { Length: > 0 } s
            ? ulong.Parse(s, CultureInfo.InvariantCulture)
            : (ulong)Random.Shared.NextInt64(1, long.MaxValue);
        Console.WriteLine($"fuzz-sync: seed {seed}, up to {sequences} sequences of 1–{maxCommands} commands" +
                          (minutes > 0 ? $", for at most {minutes} min" : "") + $" (repeat with FUZZ_SEED={seed})");
        var keepGoing = Env("FUZZ_KEEP_GOING", 0) == 1;
        var budget = minutes > 0 ? TimeSpan.FromMinutes(minutes) : (TimeSpan?)null;
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var runs = new List<SyncRunReport>();
        // With FUZZ_KEEP_GOING=1 a failure is reported and the run goes on from the next seed, so one finding does not
        // end a long run; the totals at the end count every sequence tried.
        while (true)
        {
            var left = budget - clock.Elapsed;
            var report = await SyncMachineRunner.RunAsync(seed, sequences - runs.Sum(r => r.Sequences), maxCommands, restartWeight: 1,
                log: Console.WriteLine, budget: left);
            runs.Add(report);
            Console.WriteLine(report);
            if (report.Passed || !keepGoing || runs.Sum(r => r.Sequences) >= sequences || left <= TimeSpan.Zero || clock.Elapsed >= budget) break;
            seed++;
            Console.WriteLine($"fuzz-sync: going on with seed {seed}");
        }
        if (runs.Count > 1)
            Console.WriteLine($"fuzz-sync total: {runs.Sum(r => r.Sequences)} sequences, {runs.Sum(r => r.Operations)} operations " +
                              $"({runs.Sum(r => r.OccurrenceWrites)} single-occurrence edits and deletes), {runs.Sum(r => r.FaultsInjected)} faults, " +
                              $"{runs.Sum(r => r.Restarts)} restarts, {runs.Count(r => !r.Passed)} failing sequences, {clock.Elapsed.TotalMinutes:F0} min");
        return runs.All(r => r.Passed) ? 0 : 1;
    }

    private static int Env(string name, int fallback) =>
        int.TryParse(Environment.GetEnvironmentVariable(name), NumberStyles.Integer, CultureInfo.InvariantCulture, out var v) && v >= 0 ? v : fallback;
}
