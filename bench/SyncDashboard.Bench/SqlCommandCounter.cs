using System.Diagnostics;

namespace SyncDashboard.Bench;

/// <summary>
/// Counts the SQL commands EF Core executes in this process, through its DiagnosticListener — no change to the app.
/// Used to show how database work grows with the number of changed events.
/// </summary>
public sealed class SqlCommandCounter : IObserver<DiagnosticListener>, IObserver<KeyValuePair<string, object?>>, IDisposable
{
    private const string Executed = "Microsoft.EntityFrameworkCore.Database.Command.CommandExecuted";
    private readonly IDisposable _all;
    private readonly List<IDisposable> _subscriptions = [];
    private long _count;

    public SqlCommandCounter() => _all = DiagnosticListener.AllListeners.Subscribe(this);

    public long Count => Interlocked.Read(ref _count);

    public void OnNext(DiagnosticListener listener)
    {
        if (listener.Name != "Microsoft.EntityFrameworkCore") return;
        lock (_subscriptions) _subscriptions.Add(listener.Subscribe(this, name => name == Executed));
    }

    public void OnNext(KeyValuePair<string, object?> value)
    {
        if (value.Key == Executed) Interlocked.Increment(ref _count);
    }

    public void OnCompleted() { }
    public void OnError(Exception error) { }

    public void Dispose()
    {
        _all.Dispose();
        lock (_subscriptions) _subscriptions.ForEach(s => s.Dispose());
    }
}
