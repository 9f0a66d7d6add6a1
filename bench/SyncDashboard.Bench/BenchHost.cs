using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using SyncDashboard.Core.Accounts;
using SyncDashboard.Core.Google;
using SyncDashboard.Emulators.Google;
using SyncDashboard.Web;
using SyncDashboard.Web.Demo;
using TokenResponse = Google.Apis.Auth.OAuth2.Responses.TokenResponse;

namespace SyncDashboard.Bench;

/// <summary>
/// The whole app on Kestrel 127.0.0.1:0 with its own SQLite file, configured like the test host but quiet
/// (warnings only) and in the Production environment, so logging and developer aids do not distort figures.
/// </summary>
public sealed class BenchHost : IAsyncDisposable
{
    private readonly WebApplication _app;
    public string DataDirectory { get; }
    public Uri BaseAddress { get; }
    public AppErrorLog Errors { get; }

    private BenchHost(WebApplication app, string dataDirectory, AppErrorLog errors)
    {
        _app = app;
        Errors = errors;
        DataDirectory = dataDirectory;
        BaseAddress = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
    }

    /// <param name="clock">The app's clock, when a bench moves time for the app and an emulator together.</param>
    /// <param name="demo">
    /// Demo mode seeds a demo user and connects it to the emulator in the background; only the memory run needs it
    /// (it signs in with the demo button). Elsewhere it would add a second user's sync traffic to the figures.
    /// </param>
    public static async Task<BenchHost> StartAsync(IDictionary<string, string?>? settings = null, bool demo = false, TimeProvider? clock = null)
    {
        var dataDirectory = Path.Combine(Path.GetTempPath(), "syncdashboard-bench", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dataDirectory);
        var config = new Dictionary<string, string?>
        {
            ["ConnectionStrings:Default"] = $"Data Source={Path.Combine(dataDirectory, "app.db")}",
            ["Demo:KeyFile"] = Path.Combine(dataDirectory, "key.json"),
            ["Demo:TimeZone"] = "UTC",
            ["Logging:LogLevel:Default"] = "Warning",
            ["Logging:LogLevel:Microsoft"] = "Warning",
            ["Urls"] = "http://127.0.0.1:0",
            // Emulator state in memory only: writing a JSON state file on every change would be the emulator's cost, not the app's.
            ["Emulators:Google:StatePath"] = "",
            ["Emulators:Notion:StatePath"] = "",
            ["Demo:Enabled"] = demo ? "true" : "false",
            ["Emulators:Enabled"] = "true",
            // Benches may steer the emulators (faults, stats) over HTTP like the tests; never on in a normal run.
            [SyncDashboard.Emulators.EmulatorControl.ConfigurationKey] = "true",
        };
        if (!demo)
        {
            // Outside demo mode the app wants a token-protection key (demo mode makes one itself).
            config["TokenProtection:ActiveKeyId"] = "bench";
            config["TokenProtection:Keys:bench"] = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32));
        }
        foreach (var (k, v) in settings ?? new Dictionary<string, string?>()) config[k] = v;

        var errors = new AppErrorLog();
        var app = SyncDashboardApp.Build(["--contentRoot", Repo.WebProjectDirectory, "--environment", "Production"], builder =>
        {
            builder.Configuration.AddInMemoryCollection(config);
            builder.WebHost.UseStaticWebAssets();
            builder.Logging.AddProvider(errors);
            if (clock is not null) builder.Services.AddSingleton(clock);
        });
        await app.InitializeDatabaseAsync();
        await app.StartAsync();
        return new BenchHost(app, dataDirectory, errors);
    }

    public T Get<T>() where T : notnull => _app.Services.GetRequiredService<T>();

    public GoogleEmulator Emulator => Get<GoogleEmulator>();

    public HttpClient CreateClient(string? bearerToken = null)
    {
        var client = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(60) };
        if (bearerToken is not null) client.DefaultRequestHeaders.Authorization = new("Bearer", bearerToken);
        return client;
    }

    public async Task<BenchUser> CreateUserAsync(string name)
    {
        var email = $"{name}-{Guid.NewGuid():N}@example.test";
        var account = await Get<AccountService>().RegisterAsync(email, "correct horse battery", name, "UTC");
        var token = await Get<ApiTokenService>().CreateAsync(account.Id, "bench");
        return new BenchUser(account.Id, token.Token);
    }

    /// <summary>A fresh emulated Google account of <paramref name="owner"/>, whose primary calendar gets <paramref name="seed"/> before it is connected.</summary>
    public string CreateGoogleAccount(BenchUser owner, Action<GoogleEmulator, string>? seed = null)
    {
        var email = $"g{Guid.NewGuid():N}@example.com";
        Emulator.CreateAccount(email, "UTC", owner: owner.EmulatorOwner);
        var calendarId = Emulator.PrimaryCalendarId(email);
        seed?.Invoke(Emulator, calendarId);
        return calendarId;
    }

    /// <summary>Connects the user to that calendar the way the app's connect flow does; the first import runs inside.</summary>
    public async Task<Guid> ConnectAsync(BenchUser user, string calendarId) =>
        await AddCalendarAsync(user, await GrantAsync(user, calendarId), calendarId);

    /// <summary>The OAuth grant (the emulator issues tokens in place of the consent click); returns the credential id.</summary>
    public async Task<Guid> GrantAsync(BenchUser user, string calendarId)
    {
        var issued = Emulator.IssueTokens(calendarId, ["https://www.googleapis.com/auth/calendar"]);
        var account = await Get<GoogleConnectService>().ConnectGrantAsync(user.Id, new TokenResponse
        {
            AccessToken = issued.AccessToken, RefreshToken = issued.RefreshToken, ExpiresInSeconds = issued.ExpiresIn,
            Scope = issued.Scope, TokenType = "Bearer", IssuedUtc = DateTime.UtcNow,
        }, default);
        return account.CredentialId;
    }

    public async Task<Guid> AddCalendarAsync(BenchUser user, Guid credentialId, string calendarId, CancellationToken ct = default)
    {
        var ids = await Get<GoogleConnectService>().AddCalendarsAsync(user.Id, credentialId,
            [new CalendarChoice(calendarId, "Primary", Core.Domain.SyncDirection.TwoWay, true)], ct);
        return ids.Single();
    }

    /// <summary>Prints the errors the app logged so far (they are also on the console as the app logs them).</summary>
    public void ReportErrors()
    {
        if (Errors.Count == 0) return;
        Console.WriteLine($"  the app logged {Errors.Count} error(s) during this run:");
        foreach (var line in Errors.Distinct().Take(5)) Console.WriteLine("    " + line);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try { Directory.Delete(DataDirectory, recursive: true); } catch (IOException) { /* SQLite may still hold the file briefly */ }
    }
}

public sealed record BenchUser(Guid Id, string Token)
{
    /// <summary>How the in-app emulators name this user as the owner of an emulated account or workspace.</summary>
    public string EmulatorOwner => Id.ToString("D");
}
