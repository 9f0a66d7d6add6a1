using System.Net.Http.Json;
using System.Text.Json;

namespace SyncDashboard.Bench;

/// <summary>(d) POST /api/events → calendarChanged on the second of two hub connections of the same user.</summary>
public static class ApiWriteLatencyBench
{
    private const int Writes = 20, Warmup = 3;

    public static async Task RunAsync(Summary summary)
    {
        Console.WriteLine($"(d) API write -> second hub client ({Writes} writes via POST /api/events, 2 hub connections, receipts of the second)");
        await using var host = await BenchHost.StartAsync();
        var user = await host.CreateUserAsync("apiwrite");
        using var api = host.CreateClient(user.Token);
        await using var hub = await HubClients.StartAsync(host.BaseAddress, user.Token, clients: 2, report: 1);

        var start = DateTimeOffset.UtcNow.Date.AddDays(2);
        var writes = new List<(Guid Id, long T0, double PostMs)>();
        for (var i = 0; i < Warmup + Writes; i++)
        {
            var t0 = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
            using var response = await api.PostAsJsonAsync("/api/events",
                new { title = $"API write {i}", start = new DateTimeOffset(start.AddMinutes(15 * i), TimeSpan.Zero), end = new DateTimeOffset(start.AddMinutes(15 * i + 15), TimeSpan.Zero) });
            var postMs = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() - t0;
            response.EnsureSuccessStatusCode();
            var id = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
            if (i >= Warmup) writes.Add((id, t0, postMs));
            await Task.Delay(100);
        }
        await hub.WaitForAsync(writes.Select(w => w.Id).ToList(), TimeSpan.FromSeconds(10));
        var samples = writes.Select(w => hub.ReceivedAt(w.Id) is { } at ? (double?)(at - w.T0) : null).OfType<double>().Order().ToList();
        var posts = writes.Select(w => w.PostMs).Order().ToList();
        await hub.StopAsync();

        var rows = new List<string[]>
        {
            new[] { "measure", "samples", "median", "p95", "max" },
            new[] { "write -> 2nd hub client", samples.Count.ToString(), Figures.Ms(Figures.Percentile(samples, 50)), Figures.Ms(Figures.Percentile(samples, 95)), Figures.Ms(samples.LastOrDefault(double.NaN)) },
            new[] { "POST round trip", posts.Count.ToString(), Figures.Ms(Figures.Percentile(posts, 50)), Figures.Ms(Figures.Percentile(posts, 95)), Figures.Ms(posts.LastOrDefault(double.NaN)) },
        };
        Console.WriteLine(Figures.Table(rows));
        host.ReportErrors();
        Console.WriteLine();
        summary.Add($"API write -> second hub client: median {Figures.Ms(Figures.Percentile(samples, 50))}, p95 {Figures.Ms(Figures.Percentile(samples, 95))} " +
                    $"over {samples.Count}/{Writes} writes (POST round trip median {Figures.Ms(Figures.Percentile(posts, 50))})");
    }
}
