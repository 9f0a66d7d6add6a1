using Microsoft.Extensions.DependencyInjection;
using SyncDashboard.Emulators.Google;
using SyncDashboard.Emulators.Notion;
using SyncDashboard.Tests.Infrastructure;

namespace SyncDashboard.Tests.Properties.SyncMachine;

/// <summary>
/// The app of the generated sync tests: the test host (<see cref="AppHost"/>) on a folder this world owns, with the
/// emulators' state kept in files there too, so a restart rebuilds the app's services over the same SQLite file and
/// the same emulated Google and Notion, on the same port (push channels keep pointing at it).
/// </summary>
public sealed class SyncWorld : IAsyncDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "syncdashboard-fuzz", Guid.NewGuid().ToString("N"));
    private int? _port;

    public SkippingClock Clock { get; } = new();
    public AppHost App { get; private set; } = default!;
    public GoogleEmulator Google => App.Get<GoogleEmulator>();
    public NotionEmulator Notion => App.Get<NotionEmulator>();
    public int Restarts { get; private set; }

    public static async Task<SyncWorld> StartAsync()
    {
        var world = new SyncWorld();
        await world.BootAsync();
        return world;
    }

    private Dictionary<string, string?> Settings() => new()
    {
        ["Demo:Enabled"] = "false",
        ["Emulators:Enabled"] = "true",
        ["Emulators:Notion:SeedDemo"] = "false",
        ["TokenProtection:ActiveKeyId"] = "fuzz",
        // One key for the life of the world: tokens sealed before a restart must open after it.
        ["TokenProtection:Keys:fuzz"] = Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes("fuzz-sync-fixed-key-32-bytes!!!!")),
        ["Emulators:Google:StatePath"] = Path.Combine(_dir, "google.json"),
        ["Emulators:Notion:StatePath"] = Path.Combine(_dir, "notion.json"),
        ["Urls"] = $"http://127.0.0.1:{_port ?? 0}",
        // Retries and faults are expected here; what else goes wrong shows in the property, not the log.
        ["Logging:LogLevel:Default"] = "Error",
        ["Logging:LogLevel:Polly"] = "None",
        // A restart cuts off transactions in flight, as a process end does; EF logs each as an error.
        ["Logging:LogLevel:Microsoft.EntityFrameworkCore.Database.Transaction"] = "None",
        // No rate limits in the way: the generated load is small and the point is the state machine, not the buckets.
        ["Google:RequestsPerSecond"] = "1000",
        ["Notion:RequestsPerSecond"] = "100",
        // A timeout fault (a delayed answer) is cut off after this, not after the production 15-30 s.
        ["Google:RequestTimeout"] = "00:00:02",
        ["Notion:RequestTimeout"] = "00:00:02",
        // A create in the app answers at once, as before the guide's delivery wait (ADR 0018): the generated steps race the
        // outbox, which is what the machine explores.
        ["Api:ExternalSyncWait"] = "00:00:00",
    };

    private async Task BootAsync()
    {
        App = await AppHost.StartAsync(Settings(), b => b.Services.AddSingleton<TimeProvider>(Clock), _dir);
        _port = App.BaseAddress.Port;
        Notion.Clock = Clock;
        Notion.SetRateLimit(0, 0);
    }

    /// <summary>Stops the app (its in-flight work is cut off as a process end would) and starts it again on the same files.</summary>
    public async Task RestartAsync()
    {
        await App.DisposeAsync();
        Restarts++;
        await BootAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await App.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try { Directory.Delete(_dir, recursive: true); } catch (IOException) { /* SQLite may still hold the file briefly */ }
    }
}
