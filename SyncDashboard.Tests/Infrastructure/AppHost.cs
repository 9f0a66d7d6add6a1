using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using SyncDashboard.Core.Accounts;
using SyncDashboard.Web;
using SyncDashboard.Web.Demo;

namespace SyncDashboard.Tests.Infrastructure;

/// <summary>
/// The app as users run it — real Kestrel on 127.0.0.1, a real SQLite file in a temp folder — configured for
/// tests in this one place. Each instance has its own database and port.
/// </summary>
public sealed class AppHost : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly bool _ownsDataDirectory;
    public string DataDirectory { get; }
    public Uri BaseAddress { get; }
    public IServiceProvider Services => _app.Services;

    private AppHost(WebApplication app, string dataDirectory, bool ownsDataDirectory)
    {
        _app = app;
        DataDirectory = dataDirectory;
        _ownsDataDirectory = ownsDataDirectory;
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        BaseAddress = new Uri(address);
    }

    /// <param name="configure">Extra set-up on the builder after the test configuration, e.g. a capturing logger.</param>
    /// <param name="dataDirectory">
    /// A folder the caller owns and keeps (database and key file), for a host that restarts on an earlier host's files;
    /// by default each host gets a fresh folder, deleted when it stops.
    /// </param>
    public static async Task<AppHost> StartAsync(IDictionary<string, string?>? settings = null, Action<WebApplicationBuilder>? configure = null,
        string? dataDirectory = null)
    {
        var ownsDataDirectory = dataDirectory is null;
        dataDirectory ??= Path.Combine(Path.GetTempPath(), "syncdashboard-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dataDirectory);
        var config = new Dictionary<string, string?>
        {
            ["ConnectionStrings:Default"] = $"Data Source={Path.Combine(dataDirectory, "app.db")}",
            ["Demo:KeyFile"] = Path.Combine(dataDirectory, "key.json"),
            ["Demo:TimeZone"] = "UTC",
            ["Logging:LogLevel:Default"] = "Warning",
            ["Urls"] = "http://127.0.0.1:0",
            // Emulators keep state in memory per host; retries are quick so fault tests finish in seconds.
            ["Emulators:Google:StatePath"] = "",
            ["Emulators:Notion:StatePath"] = "",
            ["Emulators:Google:PushRetryBaseDelay"] = "00:00:00.100",
            ["Sync:RetryBaseDelay"] = "00:00:00.200",
            ["Sync:RetryMaxDelay"] = "00:00:02",
            // A deletion waits out its undo window before it leaves; short here so tests that follow a delete to Google stay quick.
            ["Events:DeleteUndoWindow"] = "00:00:03",
        };
        foreach (var (k, v) in settings ?? new Dictionary<string, string?>()) config[k] = v;

        var app = SyncDashboardApp.Build(["--contentRoot", WebProjectDirectory(), "--environment", "Development"], builder =>
        {
            builder.Configuration.AddInMemoryCollection(config);
            builder.WebHost.UseStaticWebAssets();
            configure?.Invoke(builder);
        });
        await app.InitializeDatabaseAsync();
        await app.StartAsync();
        return new AppHost(app, dataDirectory, ownsDataDirectory);
    }

    public T Get<T>() where T : notnull => _app.Services.GetRequiredService<T>();

    public HttpClient CreateClient(string? bearerToken = null)
    {
        var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = true, CookieContainer = new() })
        {
            BaseAddress = BaseAddress,
            Timeout = TimeSpan.FromSeconds(30),
        };
        if (bearerToken is not null) client.DefaultRequestHeaders.Authorization = new("Bearer", bearerToken);
        return client;
    }

    /// <summary>A new user with an API token, for API tests that need a clean slate.</summary>
    public async Task<TestUser> CreateUserAsync(string? name = null)
    {
        var email = $"{name ?? "user"}-{Guid.NewGuid():N}@example.test";
        var account = await Get<AccountService>().RegisterAsync(email, TestUser.Password, name ?? "Test User", "UTC");
        var token = await Get<ApiTokenService>().CreateAsync(account.Id, "tests");
        return new TestUser(account.Id, email, token.Token, CreateClient(token.Token));
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        if (!_ownsDataDirectory) return;
        try { Directory.Delete(DataDirectory, recursive: true); } catch (IOException) { /* SQLite may still hold the file briefly */ }
    }

    /// <summary>
    /// The web project's folder, found above the test binaries or, for builds with an artifacts path, above the working
    /// directory or this source file.
    /// </summary>
    public static string WebProjectDirectory([System.Runtime.CompilerServices.CallerFilePath] string sourceFile = "")
    {
        foreach (var start in new[] { AppContext.BaseDirectory, Directory.GetCurrentDirectory(), Path.GetDirectoryName(sourceFile) ?? "" })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                var candidate = Path.Combine(dir.FullName, "SyncDashboard.Web");
                if (File.Exists(Path.Combine(candidate, "SyncDashboard.Web.csproj"))) return candidate;
            }
        }
        throw new DirectoryNotFoundException("SyncDashboard.Web/SyncDashboard.Web.csproj not found above " + AppContext.BaseDirectory);
    }
}

public sealed record TestUser(Guid Id, string Email, string Token, HttpClient Api)
{
    /// <summary>How the in-app emulators name this user as the owner of an emulated Google account or Notion workspace.</summary>
    public string EmulatorOwner => SyncDashboard.Web.Emulators.AppEmulatorPeople.OwnerKey(Id);

    public const string Password = "correct horse battery";
}
