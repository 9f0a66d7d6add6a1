using System.Globalization;
using SyncDashboard.Tests.Properties.SyncMachine;

namespace SyncDashboard.Bench;

/// <summary>
/// The generated sync tests at full size (ADR 0016), on the same harness as the normal test run's small seeded run.
/// Environment: FUZZ_SEQUENCES (default 2000), FUZZ_MAX_COMMANDS (default 25), FUZZ_SEED (default: a fresh one, printed),
/// FUZZ_MINUTES (stop starting sequences after this long; default no limit).
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
        var report = await SyncMachineRunner.RunAsync(seed, sequences, maxCommands, restartWeight: 1, log: Console.WriteLine,
            budget: minutes > 0 ? TimeSpan.FromMinutes(minutes) : null);
        Console.WriteLine(report);
        return report.Passed ? 0 : 1;
    }

    private static int Env(string name, int fallback) =>
        int.TryParse(Environment.GetEnvironmentVariable(name), NumberStyles.Integer, CultureInfo.InvariantCulture, out var v) && v >= 0 ? v : fallback;
}
