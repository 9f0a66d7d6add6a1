using System.Collections.Concurrent;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using SyncDashboard.Emulators;
using SyncDashboard.Emulators.Notion;

namespace SyncDashboard.Tests.Emulators.Notion;

public sealed record ReceivedWebhook(string Body, string? Signature)
{
    public JsonNode Json => JsonNode.Parse(Body)!;
}

public sealed record ApiResponse(int Status, JsonNode? Json, HttpResponseMessage Raw)
{
    public JsonObject Obj => (JsonObject)Json!;
}

/// <summary>The emulator in a real Kestrel host on 127.0.0.1, plus a webhook receiver at /receiver.</summary>
public sealed class NotionTestHost : IAsyncDisposable
{
    public const string Prefix = "/emulator/notion";

    private NotionTestHost(WebApplication app, string origin)
    {
        App = app;
        Origin = origin;
        Emulator = app.Services.GetRequiredService<NotionEmulator>();
        Demo = Emulator.SeedDemo();
        Http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = new Uri(origin + Prefix + "/") };
    }

    public WebApplication App { get; }
    public string Origin { get; }
    public NotionEmulator Emulator { get; }
    public NotionDemoWorkspace Demo { get; }
    public HttpClient Http { get; }
    public ConcurrentQueue<ReceivedWebhook> Received { get; } = new();

    /// <summary>Status the receiver answers with; tests flip it to simulate a failing receiver.</summary>
    public Func<int> ReceiverStatus { get; set; } = () => 200;

    public string ReceiverUrl => Origin + "/receiver";

    public static async Task<NotionTestHost> StartAsync(Dictionary<string, string?>? settings = null)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Development" });
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var config = new Dictionary<string, string?>
        {
            ["Emulators:Notion:RequestsPerSecond"] = "0",
            ["Emulators:Notion:WebhookAggregationWindow"] = "00:00:00.300",
            ["Emulators:Notion:WebhookRetryBaseDelay"] = "00:00:00.050",
        };
        foreach (var (k, v) in settings ?? []) config["Emulators:Notion:" + k] = v;
        // Contract tests drive faults, stats, rate limits and webhooks over HTTP.
        config[EmulatorControl.ConfigurationKey] = "true";
        builder.Configuration.AddInMemoryCollection(config);
        builder.Services.AddNotionEmulator(builder.Configuration);
        NotionTestHost? host = null;
        // Webhooks go to this host's own /receiver, as in the app, where the emulator may call back only the app itself.
        builder.Services.Configure<NotionEmulatorOptions>(o => o.AllowedWebhookOrigin = () => new Uri(host!.Origin));
        var app = builder.Build();
        app.MapNotionEmulator(Prefix);
        app.MapPost("/receiver", async (HttpRequest req) =>
        {
            using var reader = new StreamReader(req.Body, Encoding.UTF8);
            var body = await reader.ReadToEndAsync();
            var status = host!.ReceiverStatus();
            host.Received.Enqueue(new ReceivedWebhook(body, req.Headers["X-Notion-Signature"].FirstOrDefault()));
            return Results.StatusCode(status);
        });
        await app.StartAsync();
        var origin = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        host = new NotionTestHost(app, origin.TrimEnd('/'));
        return host;
    }

    public async Task<ApiResponse> ApiAsync(HttpMethod method, string path, object? body = null,
        string? version = NotionVersion.DataSources, string? token = null)
    {
        using var request = new HttpRequestMessage(method, "v1/" + path.TrimStart('/'));
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token ?? Demo.InternalIntegration.Token);
        if (version is not null) request.Headers.Add("Notion-Version", version);
        if (body is not null)
            request.Content = new StringContent(body is JsonNode n ? n.ToJsonString() : System.Text.Json.JsonSerializer.Serialize(body), Encoding.UTF8, "application/json");
        var response = await Http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        return new ApiResponse((int)response.StatusCode, text.Length == 0 ? null : JsonNode.Parse(text), response);
    }

    public Task<ApiResponse> CreatePageAsync(JsonObject properties, string? token = null, string version = NotionVersion.DataSources) =>
        ApiAsync(HttpMethod.Post, "pages", new JsonObject
        {
            ["parent"] = new JsonObject { ["data_source_id"] = Demo.Calendar.DataSourceId },
            ["properties"] = properties,
        }, version, token);

    /// <summary>Waits until <paramref name="condition"/> holds on the received webhooks, or fails after a few seconds.</summary>
    public async Task<List<ReceivedWebhook>> WaitForWebhooksAsync(Func<List<ReceivedWebhook>, bool> condition, int timeoutMs = 5000)
    {
        var deadline = DateTime.UtcNow.AddMilliseconds(timeoutMs);
        while (DateTime.UtcNow < deadline)
        {
            var list = Received.ToList();
            if (condition(list)) return list;
            await Task.Delay(25);
        }
        throw new TimeoutException("Webhooks did not arrive: " + string.Join(" | ", Received.Select(r => r.Body)));
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await App.StopAsync();
        await App.DisposeAsync();
    }
}

/// <summary>A clock the test moves by hand.</summary>
public sealed class ManualClock(DateTimeOffset start) : TimeProvider
{
    public DateTimeOffset Now { get; set; } = start;
    public override DateTimeOffset GetUtcNow() => Now;
}

internal static class Props
{
    public static JsonObject Calendar(string title, string? start = null, string? location = null)
    {
        var o = new JsonObject { ["Title"] = NotionValues.Title(title) };
        if (start is not null) o["Date"] = NotionValues.Date(start);
        if (location is not null) o["Location"] = NotionValues.RichText(location);
        return o;
    }
}
