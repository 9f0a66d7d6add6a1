using System.Collections.Concurrent;
using System.Diagnostics;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace SyncDashboard.Bench;

/// <summary>
/// Watches EF Core in this process through its DiagnosticListener — no change to the app: SQL commands executed
/// (and their time) and change-tracker scans (DetectChanges calls and their time). Used to show how database
/// work grows with the number of changed events.
/// </summary>
public sealed class SqlCommandCounter : IObserver<DiagnosticListener>, IObserver<KeyValuePair<string, object?>>, IDisposable
{
    private const string Executed = "Microsoft.EntityFrameworkCore.Database.Command.CommandExecuted";
    private const string DetectStarting = "Microsoft.EntityFrameworkCore.ChangeTracking.DetectChangesStarting";
    private const string DetectCompleted = "Microsoft.EntityFrameworkCore.ChangeTracking.DetectChangesCompleted";
    private readonly IDisposable _all;
    private readonly List<IDisposable> _subscriptions = [];
    private readonly ConcurrentDictionary<object, long> _detectStarted = new(ReferenceEqualityComparer.Instance);
    private long _count, _sqlTicks, _detectCount, _detectTicks;

    public SqlCommandCounter() => _all = DiagnosticListener.AllListeners.Subscribe(this);

    public Snapshot Read() => new(Interlocked.Read(ref _count), TimeSpan.FromTicks(Interlocked.Read(ref _sqlTicks)),
        Interlocked.Read(ref _detectCount), Stopwatch.GetElapsedTime(0, Interlocked.Read(ref _detectTicks)));

    /// <summary>Process-wide totals; subtract two snapshots for a span of work.</summary>
    public sealed record Snapshot(long Commands, TimeSpan SqlTime, long DetectChanges, TimeSpan DetectChangesTime)
    {
        public static Snapshot operator -(Snapshot a, Snapshot b) =>
            new(a.Commands - b.Commands, a.SqlTime - b.SqlTime, a.DetectChanges - b.DetectChanges, a.DetectChangesTime - b.DetectChangesTime);
    }

    public void OnNext(DiagnosticListener listener)
    {
        if (listener.Name != "Microsoft.EntityFrameworkCore") return;
        lock (_subscriptions) _subscriptions.Add(listener.Subscribe(this, name => name is Executed or DetectStarting or DetectCompleted));
    }

    public void OnNext(KeyValuePair<string, object?> value)
    {
        switch (value.Key)
        {
            case Executed:
                Interlocked.Increment(ref _count);
                if (value.Value is CommandExecutedEventData e) Interlocked.Add(ref _sqlTicks, e.Duration.Ticks);
                break;
            case DetectStarting when value.Value is DbContextEventData s && s.Context is not null:
                _detectStarted[s.Context] = Stopwatch.GetTimestamp();
                break;
            case DetectCompleted when value.Value is DbContextEventData c && c.Context is not null:
                if (_detectStarted.TryRemove(c.Context, out var started))
                {
                    Interlocked.Increment(ref _detectCount);
                    Interlocked.Add(ref _detectTicks, Stopwatch.GetTimestamp() - started);
                }
                break;
        }
    }

    public void OnCompleted() { }
    public void OnError(Exception error) { }

    public void Dispose()
    {
        _all.Dispose();
        lock (_subscriptions) _subscriptions.ForEach(s => s.Dispose());
    }
}
