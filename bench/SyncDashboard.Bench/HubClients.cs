using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.Json;

namespace SyncDashboard.Bench;

public sealed record Receipt(long Seq, Guid[] EventIds, long ReceivedAtMs);

public sealed record HubSummary(int Clients, long TotalMessages, long MinPerClient, long MaxPerClient, int ClosedUnexpectedly);

/// <summary>
/// N SignalR connections to /hubs/calendar held by bench/hub-clients.mjs (npm @microsoft/signalr under node).
/// The receipts are those of one connection (index <c>report</c>); timestamps are node's Date.now(), the same wall clock as ours.
/// </summary>
public sealed class HubClients : IAsyncDisposable
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private readonly Process _node;
    private readonly TaskCompletionSource _ready = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource<HubSummary> _summary = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly ConcurrentQueue<string> _errors = new();

    public ConcurrentQueue<Receipt> Receipts { get; } = new();

    private HubClients(Process node)
    {
        _node = node;
        node.OutputDataReceived += (_, e) => OnLine(e.Data);
        node.ErrorDataReceived += (_, e) => { if (!string.IsNullOrWhiteSpace(e.Data)) _errors.Enqueue(e.Data); };
        node.Exited += (_, _) =>
        {
            _ready.TrySetException(new InvalidOperationException("hub-clients.mjs exited before it was ready: " + string.Join(" | ", _errors)));
            _summary.TrySetException(new InvalidOperationException("hub-clients.mjs exited without a summary: " + string.Join(" | ", _errors)));
        };
    }

    public static async Task<HubClients> StartAsync(Uri baseAddress, string token, int clients, int report = 0, TimeSpan? timeout = null)
    {
        var node = Repo.FindOnPath("node") ?? throw new InvalidOperationException("node is not on PATH; the hub clients need it.");
        var info = new ProcessStartInfo(node)
        {
            RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
            WorkingDirectory = Repo.Root,
        };
        foreach (var a in new[] { Repo.HubClientsScript, "--url", baseAddress.ToString(), "--token", token, "--clients", clients.ToString(), "--report", report.ToString() })
            info.ArgumentList.Add(a);
        var process = new Process { StartInfo = info, EnableRaisingEvents = true };
        var hub = new HubClients(process);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            await hub._ready.Task.WaitAsync(timeout ?? TimeSpan.FromSeconds(90));
        }
        catch
        {
            await hub.DisposeAsync();
            throw;
        }
        return hub;
    }

    private void OnLine(string? line)
    {
        if (string.IsNullOrWhiteSpace(line)) return;
        if (line == "ready") { _ready.TrySetResult(); return; }
        using var doc = JsonDocument.Parse(line);
        var root = doc.RootElement;
        if (root.TryGetProperty("summary", out var s))
        {
            _summary.TrySetResult(s.Deserialize<HubSummary>(Json)!);
            return;
        }
        Receipts.Enqueue(new Receipt(root.GetProperty("seq").GetInt64(),
            root.GetProperty("eventIds").EnumerateArray().Select(e => e.GetGuid()).ToArray(), root.GetProperty("receivedAtMs").GetInt64()));
    }

    /// <summary>Waits until every id has a receipt (or the timeout passes); returns how many are still missing.</summary>
    public async Task<int> WaitForAsync(IReadOnlyCollection<Guid> eventIds, TimeSpan timeout)
    {
        var deadline = Stopwatch.StartNew();
        while (true)
        {
            var seen = Receipts.SelectMany(r => r.EventIds).ToHashSet();
            var missing = eventIds.Count(id => !seen.Contains(id));
            if (missing == 0 || deadline.Elapsed > timeout) return missing;
            await Task.Delay(50);
        }
    }

    /// <summary>The receipt time of the first message carrying <paramref name="eventId"/>, if any.</summary>
    public long? ReceivedAt(Guid eventId) =>
        Receipts.Where(r => r.EventIds.Contains(eventId)).Select(r => (long?)r.ReceivedAtMs).Min();

    /// <summary>Closes the connections and returns the clients' message counts.</summary>
    public async Task<HubSummary> StopAsync()
    {
        if (!_node.HasExited)
        {
            await _node.StandardInput.WriteLineAsync("stop");
            await _node.StandardInput.FlushAsync();
        }
        return await _summary.Task.WaitAsync(TimeSpan.FromSeconds(30));
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (!_node.HasExited)
            {
                _node.StandardInput.Close();
                if (!_node.WaitForExit(5000)) _node.Kill(entireProcessTree: true);
            }
        }
        catch (InvalidOperationException) { /* never started */ }
        await Task.CompletedTask;
        _node.Dispose();
    }
}
