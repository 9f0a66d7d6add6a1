using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace SyncDashboard.Tests.Infrastructure;

/// <summary>
/// The app as its own OS process — the SyncDashboard.Web build output run by <c>dotnet</c>, configured by command-line
/// settings — for tests that must kill it the way a crash does (<see cref="Kill"/> is SIGKILL on Linux).
/// </summary>
public sealed class AppProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly ConcurrentQueue<string> _output = new();

    private AppProcess(Process process, Uri baseAddress)
    {
        _process = process;
        BaseAddress = baseAddress;
    }

    public Uri BaseAddress { get; }

    /// <summary>Everything the process wrote to stdout and stderr so far.</summary>
    public IReadOnlyList<string> Output => [.. _output];

    /// <summary>Starts the app on 127.0.0.1:<paramref name="port"/> and waits until /health answers.</summary>
    public static async Task<AppProcess> StartAsync(int port, IReadOnlyDictionary<string, string> settings, TimeSpan startTimeout)
    {
        var baseAddress = new Uri($"http://127.0.0.1:{port}/");
        // The web project's build output sits next to the test's (it is a project reference).
        var info = new ProcessStartInfo("dotnet")
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = AppContext.BaseDirectory,
        };
        info.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "SyncDashboard.Web.dll"));
        foreach (var arg in new[] { "--contentRoot", AppHost.WebProjectDirectory(), "--urls", baseAddress.ToString().TrimEnd('/') })
            info.ArgumentList.Add(arg);
        foreach (var (key, value) in settings) info.ArgumentList.Add($"--{key}={value}");
        info.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        info.Environment.Remove("ASPNETCORE_URLS");

        var process = new Process { StartInfo = info };
        var app = new AppProcess(process, baseAddress);
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) app._output.Enqueue(e.Data); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) app._output.Enqueue(e.Data); };
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        using var client = new HttpClient { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(5) };
        var deadline = DateTime.UtcNow + startTimeout;
        while (true)
        {
            if (process.HasExited)
                throw new InvalidOperationException($"The app exited with {process.ExitCode} while starting:\n{app.Tail()}");
            try
            {
                using var health = await client.GetAsync("/health");
                if (health.StatusCode == HttpStatusCode.OK) return app;
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException) { /* not listening yet */ }
            if (DateTime.UtcNow > deadline)
            {
                await app.DisposeAsync();
                throw new TimeoutException($"The app did not answer /health within {startTimeout}:\n{app.Tail()}");
            }
            await Task.Delay(100);
        }
    }

    /// <summary>Ends the process at once, as a crash or the OOM killer would: no shutdown code runs.</summary>
    public void Kill()
    {
        if (_process.HasExited) return;
        _process.Kill();
        _process.WaitForExit();
    }

    /// <summary>The last lines of output, for failure messages.</summary>
    public string Tail(int lines = 60) => string.Join('\n', Output.TakeLast(lines));

    /// <summary>A port free on 127.0.0.1 right now; the restarted app reuses it, as a real restart would.</summary>
    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public ValueTask DisposeAsync()
    {
        Kill();
        _process.Dispose();
        return ValueTask.CompletedTask;
    }
}
