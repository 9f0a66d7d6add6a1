using Microsoft.Playwright;
using SyncDashboard.Tests.Infrastructure;

namespace SyncDashboard.Tests.Browser;

/// <summary>
/// One headless Debian chromium and one app (its own SQLite file, separate from the API tests' app) shared by the
/// browser tests. Tests isolate themselves by creating their own users and browser contexts.
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    private static readonly string[] ChromiumArgs =
    [
        "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--no-first-run", "--disable-dev-shm-usage",
    ];

    public AppHost App { get; private set; } = default!;
    public IPlaywright Playwright { get; private set; } = default!;
    public IBrowser Browser { get; private set; } = default!;

    public async Task InitializeAsync()
    {
        // Fail loudly: a silently skipped browser suite looks exactly like a passing one.
        var chromium = FindOnPath("chromium") ?? throw new InvalidOperationException(
            "The browser tests need Debian's `chromium` on PATH and found none. Run scripts/test.sh (it installs chromium " +
            "with apt-get) instead of a bare `dotnet test`. Do not run `playwright install`; its downloads fail here.");
        // Open tabs re-check their sign-in every 5 s here (1 min by default), the safety net behind the instant sign-out of
        // every tab; a cold CI run once missed the instant path and its test waited past the default interval.
        var startApp = AppHost.StartAsync(new Dictionary<string, string?>
        {
            ["Accounts:CircuitRevalidationInterval"] = "00:00:05",
            // Long enough for a test to press Undo on a loaded machine, short enough to follow a delete to Google.
            ["Events:DeleteUndoWindow"] = "00:00:08",
        });
        Playwright = await Microsoft.Playwright.Playwright.CreateAsync();
        Browser = await Playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = chromium,
            Headless = true,
            Args = ChromiumArgs,
        });
        App = await startApp;
        // Two cores, shared with the app, the browser and often a build: give expectations room.
        Assertions.SetDefaultExpectTimeout(10_000);
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null) await Browser.DisposeAsync();
        Playwright?.Dispose();
        if (App is not null) await App.DisposeAsync();
    }

    private static string? FindOnPath(string name) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "")
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(dir => Path.Combine(dir, name))
            .FirstOrDefault(File.Exists);
}

[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<BrowserFixture>
{
    public const string Name = "browser";
}
