using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace SyncDashboard.Emulators.Notion;

/// <summary>
/// The emulated Notion: workspaces, connections (bots), tokens, databases, pages, webhooks, faults and counters.
/// A singleton; one lock guards all state. The app and tests drive it directly; the endpoints go through it too.
/// </summary>
public sealed partial class NotionEmulator : IDisposable
{
    private readonly Lock _gate = new();
    private readonly NotionState _state;
    private readonly ILogger _logger;
    private readonly CancellationTokenSource _shutdown = new();

    public NotionEmulator(IOptions<NotionEmulatorOptions> options, IHttpClientFactory? httpClientFactory = null,
        ILogger<NotionEmulator>? logger = null)
    {
        Options = options.Value;
        _logger = (ILogger?)logger ?? NullLogger.Instance;
        TimestampGranularity = Options.TimestampGranularity;
        _state = Load(Options.StatePath) ?? new NotionState();
        RateLimiter = new NotionRateLimiter(Options.RequestsPerSecond, Options.Burst);
        _webhooks = new NotionWebhookDispatcher(this, httpClientFactory, _logger, _shutdown.Token);
        if (Options.SeedDemo && _state.Workspaces.Count == 0) SeedDemo();
    }

    public NotionEmulatorOptions Options { get; }

    /// <summary>Clock for created/last-edited times (swap in a fake in tests). Rate limiting always uses real time.</summary>
    public TimeProvider Clock { get; set; } = TimeProvider.System;

    /// <summary>Timestamps are rounded down to this (Notion: one minute). Set to a tick to see every edit.</summary>
    public TimeSpan TimestampGranularity { get; set; }

    internal NotionRateLimiter RateLimiter { get; }

    internal DateTimeOffset RoundedNow()
    {
        var now = Clock.GetUtcNow();
        var g = TimestampGranularity.Ticks;
        return g <= 1 ? now : new DateTimeOffset(now.UtcTicks - now.UtcTicks % g, TimeSpan.Zero);
    }

    /// <summary>Runs a read under the lock.</summary>
    internal T Read<T>(Func<NotionState, T> read)
    {
        lock (_gate) return read(_state);
    }

    /// <summary>Runs a change under the lock and saves the state file when configured.</summary>
    internal T Write<T>(Func<NotionState, T> write)
    {
        lock (_gate)
        {
            var result = write(_state);
            Save();
            return result;
        }
    }

    private void Save()
    {
        if (Options.StatePath is not { Length: > 0 } path) return;
        var dir = Path.GetDirectoryName(Path.GetFullPath(path));
        if (dir is not null) Directory.CreateDirectory(dir);
        var tmp = path + ".tmp";
        File.WriteAllText(tmp, JsonSerializer.Serialize(_state));
        File.Move(tmp, path, overwrite: true);
    }

    private static NotionState? Load(string? path) =>
        path is { Length: > 0 } && File.Exists(path) ? JsonSerializer.Deserialize<NotionState>(File.ReadAllText(path)) : null;

    /// <summary>Stops background webhook deliveries. The token source is not disposed: late deliveries still read its token.</summary>
    public void Dispose() => _shutdown.Cancel();
}
