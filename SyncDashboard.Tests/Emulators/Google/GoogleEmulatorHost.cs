using System.Collections.Concurrent;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using SyncDashboard.Emulators;
using SyncDashboard.Emulators.Google;

namespace SyncDashboard.Tests.Emulators.Google;

/// <summary>A received push notification: the headers that matter and the body length.</summary>
public sealed record ReceivedPush(string Hook, IReadOnlyDictionary<string, string> Headers, long BodyLength)
{
    public string this[string header] => Headers.TryGetValue(header, out var v) ? v : "";
}

/// <summary>
/// The emulator in a real Kestrel host on 127.0.0.1 plus a webhook receiver in the same app
/// (<c>POST /hooks/{name}</c>), so tests talk real HTTP in both directions.
/// </summary>
public sealed class GoogleEmulatorHost : IAsyncLifetime
{
    public const string CalendarScope = "https://www.googleapis.com/auth/calendar";

    private readonly SocketsHttpHandler _handler = new() { AllowAutoRedirect = false };
    private readonly ConcurrentDictionary<string, ConcurrentQueue<int>> _hookStatuses = new();
    private readonly ConcurrentQueue<ReceivedPush> _pushes = new();
    private WebApplication? _app;
    private int _users;

    public GoogleEmulator Emulator { get; private set; } = null!;
    public Uri BaseAddress { get; private set; } = null!;
    public Uri EmulatorBase => new(BaseAddress, "emulator/google/");
    public IReadOnlyCollection<ReceivedPush> Pushes => _pushes;

    public async Task InitializeAsync()
    {
        var builder = WebApplication.CreateBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        builder.Configuration["Emulators:Google:PushRetryBaseDelay"] = "00:00:00.050";
        builder.Configuration["Emulators:Google:AppName"] = "SyncDashboard Tests";
        // Contract tests drive faults, stats and sync-token expiry over HTTP.
        builder.Configuration[EmulatorControl.ConfigurationKey] = "true";
        builder.Services.AddGoogleCalendarEmulator(builder.Configuration);
        // Pushes go to this host's own /hooks, as in the app, where the emulator may call back only the app itself.
        builder.Services.Configure<GoogleEmulatorOptions>(o => o.AllowedWebhookOrigin = () => BaseAddress);
        _app = builder.Build();
        _app.MapGoogleCalendarEmulator();
        _app.MapPost("/hooks/{name}", async (HttpContext ctx, string name) =>
        {
            using var buffer = new MemoryStream();
            await ctx.Request.Body.CopyToAsync(buffer);
            var headers = ctx.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase);
            _pushes.Enqueue(new ReceivedPush(name, headers, buffer.Length));
            return Results.StatusCode(_hookStatuses.TryGetValue(name, out var q) && q.TryDequeue(out var s) ? s : 200);
        });
        await _app.StartAsync();
        var address = _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        BaseAddress = new Uri(address.TrimEnd('/') + "/");
        Emulator = _app.Services.GetRequiredService<GoogleEmulator>();
    }

    public async Task DisposeAsync()
    {
        if (_app is not null) { await _app.DisposeAsync(); }
        _handler.Dispose();
    }

    /// <summary>A client rooted at the emulator prefix, optionally with a bearer token.</summary>
    public HttpClient Client(string? accessToken = null)
    {
        var client = new HttpClient(_handler, disposeHandler: false) { BaseAddress = EmulatorBase };
        if (accessToken is not null)
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
        }
        return client;
    }

    /// <summary>A fresh account (so tests do not see each other's events) with a token and API client.</summary>
    public TestUser NewUser(string timeZone = "UTC", string scope = CalendarScope)
    {
        var email = $"user{Interlocked.Increment(ref _users)}-{Guid.NewGuid().ToString("N")[..8]}@example.com";
        var calendar = Emulator.CreateAccount(email, timeZone);
        var tokens = Emulator.IssueTokens(email, [scope]);
        return new TestUser(email, calendar.Id, tokens, Client(tokens.AccessToken));
    }

    /// <summary>Makes hook <paramref name="name"/> answer the given statuses, in order, before 200s.</summary>
    public void HookAnswers(string name, params int[] statuses) =>
        _hookStatuses[name] = new ConcurrentQueue<int>(statuses);

    public string HookUrl(string name) => new Uri(BaseAddress, $"hooks/{name}").ToString();

    /// <summary>Waits until <paramref name="count"/> notifications reached <paramref name="hook"/>.</summary>
    public async Task<List<ReceivedPush>> WaitForPushesAsync(string hook, int count, int timeoutMs = 5000)
    {
        var deadline = DateTime.UtcNow.AddMilliseconds(timeoutMs);
        while (true)
        {
            var got = _pushes.Where(p => p.Hook == hook).ToList();
            if (got.Count >= count || DateTime.UtcNow > deadline) { return got; }
            await Task.Delay(20);
        }
    }
}

public sealed record TestUser(string Email, string CalendarId, IssuedTokens Tokens, HttpClient Api)
{
    public string Events => $"calendar/v3/calendars/{Uri.EscapeDataString(CalendarId)}/events";

    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public Task<HttpResponseMessage> InsertAsync(object body) => Api.PostAsJsonAsync(Events, body, Json);

    public async Task<JsonElement> InsertOkAsync(object body)
    {
        using var response = await InsertAsync(body);
        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    public async Task<JsonElement> GetJsonAsync(string path)
    {
        using var response = await Api.GetAsync(path);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode}: {body}");
        return JsonDocument.Parse(body).RootElement.Clone();
    }
}
