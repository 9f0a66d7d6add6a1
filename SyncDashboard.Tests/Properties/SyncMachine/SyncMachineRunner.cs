using System.Diagnostics;

namespace SyncDashboard.Tests.Properties.SyncMachine;

/// <summary>What a run tried and, if a sequence broke the property, the smallest failing sequence found.</summary>
public sealed record SyncRunReport(ulong Seed, int Sequences, int Operations, int FaultsInjected, int Restarts, TimeSpan Elapsed,
    IReadOnlyList<SyncCommand>? Counterexample, IReadOnlyList<string> Problems, int OccurrenceWrites = 0)
{
    public bool Passed => Counterexample is null;

    public override string ToString()
    {
        var head = $"fuzz-sync seed {Seed}: {Sequences} sequences, {Operations} operations ({OccurrenceWrites} single-occurrence edits and deletes), " +
                   $"{FaultsInjected} faults injected, " +
                   $"{Restarts} restarts in {Elapsed.TotalSeconds:F0} s";
        if (Passed) return head + " — the property held.";
        return head + $"\nCOUNTEREXAMPLE ({Counterexample!.Count} commands):\n  " + string.Join("\n  ", Counterexample) +
               "\nPROBLEMS:\n  " + string.Join("\n  ", Problems);
    }
}

/// <summary>
/// Runs generated command sequences against the app and its emulators and checks the sync property after each; the
/// first failing sequence is shrunk by dropping commands while it still fails (bounded: every try runs the app).
/// </summary>
public static class SyncMachineRunner
{
    /// <summary>A fresh app (and folder) every so many sequences, so the emulators' state files stay small.</summary>
    private const int SequencesPerWorld = 20;

    public static async Task<SyncRunReport> RunAsync(ulong seed, int sequences, int maxLength, int restartWeight = 1,
        Action<string>? log = null, TimeSpan? budget = null, int shrinkTries = 60)
    {
        var clock = Stopwatch.StartNew();
        var all = SyncCommandGen.Sample(seed, sequences, maxLength, restartWeight);
        int ran = 0, operations = 0, faults = 0, restarts = 0, occurrenceWrites = 0;
        SyncWorld? world = null;
        try
        {
            foreach (var commands in all)
            {
                if (budget is { } b && clock.Elapsed > b) break;
                if (ran % SequencesPerWorld == 0)
                {
                    if (world is not null) { restarts += world.Restarts; await world.DisposeAsync(); }
                    world = await SyncWorld.StartAsync();
                }
                var outcome = await RunOneAsync(world!, commands, log);
                ran++;
                operations += outcome.Operations;
                faults += outcome.Faults;
                occurrenceWrites += outcome.OccurrenceWrites;
                if (ran % 50 == 0) log?.Invoke($"  {ran} sequences, {operations} operations, {faults} faults, {clock.Elapsed.TotalSeconds:F0} s");
                if (outcome.Problems.Count == 0) continue;

                log?.Invoke($"sequence {ran} failed ({outcome.Problems.Count} problems); shrinking {commands.Count} commands…");
                var (smallest, problems) = await ShrinkAsync(world!, commands, outcome.Problems, shrinkTries, log);
                restarts += world!.Restarts;
                return new SyncRunReport(seed, ran, operations, faults, restarts, clock.Elapsed, smallest, problems, occurrenceWrites);
            }
            restarts += world?.Restarts ?? 0;
            return new SyncRunReport(seed, ran, operations, faults, restarts, clock.Elapsed, null, [], occurrenceWrites);
        }
        finally
        {
            if (world is not null) await world.DisposeAsync();
        }
    }

    public sealed record Outcome(int Operations, int Faults, IReadOnlyList<string> Problems, int OccurrenceWrites = 0);

    /// <summary>One sequence for a fresh user: apply, settle, check.</summary>
    public static async Task<Outcome> RunOneAsync(SyncWorld world, IReadOnlyList<SyncCommand> commands, Action<string>? log = null)
    {
        var watch = Stopwatch.StartNew();
        var session = await SyncSession.StartAsync(world);
        Slow(log, watch, "connecting a user");
        try
        {
            foreach (var command in commands)
            {
                watch.Restart();
                await session.ApplyAsync(command);
                Slow(log, watch, command.ToString()!);
            }
            watch.Restart();
            var busy = await session.SettleAsync();
            Slow(log, watch, "settling");
            if (busy is not null) return new Outcome(session.Operations, session.FaultsInjected, [busy], session.OccurrenceWrites);
            return new Outcome(session.Operations, session.FaultsInjected, await session.CheckAsync(), session.OccurrenceWrites);
        }
        catch (Exception ex)
        {
            return new Outcome(session.Operations, session.FaultsInjected, [$"command {session.Operations} threw {ex.GetType().Name}: {ex.Message}"], session.OccurrenceWrites);
        }
    }

    /// <summary>Steps that take long are where a run's time goes (an inline retry's wait, a timeout, a restart).</summary>
    private static void Slow(Action<string>? log, Stopwatch watch, string what)
    {
        if (watch.Elapsed > TimeSpan.FromSeconds(3)) log?.Invoke($"    slow: {what} took {watch.Elapsed.TotalSeconds:F1} s");
    }

    /// <summary>Drops chunks (halves, quarters, … single commands) while the rest still fails.</summary>
    private static async Task<(IReadOnlyList<SyncCommand>, IReadOnlyList<string>)> ShrinkAsync(SyncWorld world, List<SyncCommand> failing,
        IReadOnlyList<string> problems, int tries, Action<string>? log)
    {
        var current = failing;
        for (var chunk = Math.Max(1, current.Count / 2); chunk >= 1 && tries > 0; chunk /= 2)
        {
            for (var at = 0; at < current.Count && tries > 0;)
            {
                var candidate = current.Take(at).Concat(current.Skip(at + chunk)).ToList();
                tries--;
                var outcome = candidate.Count == 0 ? null : await RunOneAsync(world, candidate);
                if (outcome is { Problems.Count: > 0 })
                {
                    (current, problems) = (candidate, outcome.Problems);
                    log?.Invoke($"  shrunk to {current.Count} commands");
                }
                else at += chunk;
            }
        }
        return (current, problems);
    }
}
