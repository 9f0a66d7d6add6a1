using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SyncDashboard.Core.Domain;
using SyncDashboard.Core.Idempotency;
using SyncDashboard.Core.Persistence;
using SyncDashboard.Emulators.Google;
using SyncDashboard.Emulators.Google.Wire;
using SyncDashboard.Emulators.Notion;
using SyncDashboard.Tests.Infrastructure;
using Xunit.Abstractions;

namespace SyncDashboard.Tests.Integration.Outbox;

/// <summary>
/// The app killed with SIGKILL while its outbox is draining, then started again on the same files: every create it
/// acknowledged is in the app, in Google and in Notion exactly once, and the outbox is empty within 30 s of the restart.
/// The app runs as its own process (the emulators inside it, their state in files as in demo mode). Both emulators
/// apply each create and answer it only later — 100 ms for the first ten, so some rows are sent before the kill, then
/// 5 s, so the kill surely comes while an answer is outstanding — and the kill waits until each side holds such a write:
/// a send in flight whose write has landed but whose answer never arrived, the case where a careless resend doubles an event.
/// </summary>
[Collection(SoloCollection.Name)]
public sealed class CrashRecoveryTests(ITestOutputHelper output) : IDisposable
{
    private const int Creates = 100;
    private const string DemoCalendar = "demo@example.com";
    private static readonly TimeSpan DrainLimit = TimeSpan.FromSeconds(30);
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "syncdashboard-crash-tests", Guid.NewGuid().ToString("N"));

    [Fact]
    public async Task AKillMidDrainLosesAndDoublesNothingAndTheOutboxDrainsWithinSecondsOfTheRestart()
    {
        Directory.CreateDirectory(_dir);
        var port = AppProcess.FreePort();
        var run = Guid.NewGuid().ToString("N")[..8];
        var acknowledged = new Dictionary<Guid, (string Title, string Key, DateTimeOffset Start)>();
        string token;

        await using (var first = await AppProcess.StartAsync(port, Settings(), TimeSpan.FromSeconds(90)))
        {
            token = await DemoTokenAsync(first);
            var demoUser = await DemoUserIdAsync();
            // The demo account connects itself to both emulators once the server listens; its first export must be done.
            await Eventually.TrueAsync(async () => await HomeIntegrationsAsync(demoUser) == 2 && (await OutboxStatesAsync(demoUser)).Open == 0,
                "the demo account is connected to Google and Notion and its first export is sent", TimeSpan.FromSeconds(60));

            using var control = new HttpClient { BaseAddress = first.BaseAddress };
            // The slow answers leave a landed create unanswered for 15 s: wide enough that the kill below, which follows the
            // check that sees one, never comes just after that answer arrives (5 s was narrow enough to miss under load).
            foreach (var (count, delayMs) in new[] { (10, 100), (10_000, 15_000) })
                await InjectAsync(control, "emulator/google/_emulator/faults", new { kind = "commitThenDelay", count, method = "POST", pathContains = "/events", delayMs });
            foreach (var (count, delayMs) in new[] { (10, 100), (0, 15_000) }) // 0: until cleared
                await InjectAsync(control, "emulator/notion/_emulator/faults", new { kind = "commitThenDelay", count, method = "POST", pathContains = "/v1/pages", delayMs });

            using var api = Api(first.BaseAddress, token);
            var start = new DateTimeOffset(DateTime.UtcNow.Date.AddDays(2).AddHours(8), TimeSpan.Zero);
            for (var i = 0; i < Creates; i++)
            {
                var (title, key, at) = ($"Crash {i:000} {run}", $"crash-{run}-{i}", start.AddMinutes(15 * i));
                using var created = await PostAsync(api, key, title, at);
                Assert.Equal(HttpStatusCode.Created, created.StatusCode);
                acknowledged.Add((await created.ReadJsonAsync()).GetProperty("id").GetGuid(), (title, key, at));
            }

            // Mid-drain: some rows sent, and on each side a create that has landed while its row is not recorded as sent
            // (the rows are read after the state files, so that answer was still outstanding).
            await Eventually.TrueAsync(async () =>
            {
                if (await OursAsync(acknowledged.Keys) is not { Completed: >= 10 }) return false;
                var landed = (Google: LandedIn("google.json", run), Notion: LandedIn("notion.json", run));
                var sent = await OursAsync(acknowledged.Keys);
                return landed.Google > sent.CompletedGoogle && landed.Notion > sent.Completed - sent.CompletedGoogle;
            }, "some creates are sent and each side holds one whose answer has not arrived", TimeSpan.FromSeconds(60));
            first.Kill();
        }

        var atKill = await OursAsync(acknowledged.Keys);
        var leftInFlight = await InFlightAsync();
        var landedAtKill = (Google: GoogleTitles().Count(t => t.EndsWith(run, StringComparison.Ordinal)), Notion: NotionPages().Count(p => p.Title.EndsWith(run, StringComparison.Ordinal)));
        var sentAtKill = (Google: atKill.CompletedGoogle, Notion: atKill.Completed - atKill.CompletedGoogle);
        output.WriteLine($"At the kill: {atKill.Completed} of {2 * Creates} rows sent, {atKill.InFlight} in flight, {atKill.Open - atKill.InFlight} waiting; "
            + $"creates landed in Google {landedAtKill.Google} (sent {sentAtKill.Google}), in Notion {landedAtKill.Notion} (sent {sentAtKill.Notion}).");
        Assert.True(atKill.Completed < 2 * Creates, "the kill came before the outbox had drained");
        Assert.True(landedAtKill.Google > sentAtKill.Google && landedAtKill.Notion > sentAtKill.Notion,
            "the kill left on each side a create that landed but was never recorded as sent");

        var restartedAt = Stopwatch.StartNew();
        await using var second = await AppProcess.StartAsync(port, Settings(), TimeSpan.FromSeconds(90));
        var listening = restartedAt.Elapsed;
        await Eventually.TrueAsync(async () => (await OursAsync(acknowledged.Keys)).Completed == 2 * Creates,
            "the outbox drained after the restart", DrainLimit + TimeSpan.FromSeconds(30));
        var drained = restartedAt.Elapsed;
        output.WriteLine($"Restart: listening after {listening.TotalSeconds:F1} s, outbox drained {drained.TotalSeconds:F1} s after the restart began.");
        Assert.True(drained <= DrainLimit, $"The outbox drained {drained.TotalSeconds:F1} s after the restart (limit {DrainLimit.TotalSeconds} s).");
        Assert.Contains(second.Output, l => l.Contains($"Reclaimed {leftInFlight} outbox rows left in flight by an earlier run", StringComparison.Ordinal));

        var final = await OursAsync(acknowledged.Keys);
        Assert.Equal((2 * Creates, 0, 0), (final.Rows, final.Open, final.DeadLettered));

        // In the app: each acknowledged create once; a client that retries after the crash gets the first answer again.
        using var client = Api(second.BaseAddress, token);
        foreach (var (id, (title, key, at)) in acknowledged.Take(5))
        {
            using var retried = await PostAsync(client, key, title, at);
            Assert.Equal(HttpStatusCode.Created, retried.StatusCode);
            Assert.True(retried.Headers.Contains(IdempotencyKeys.ReplayedHeader));
            Assert.Equal(id, (await retried.ReadJsonAsync()).GetProperty("id").GetGuid());
        }
        var from = Uri.EscapeDataString(DateTime.UtcNow.Date.AddDays(1).ToString("O"));
        var to = Uri.EscapeDataString(DateTime.UtcNow.Date.AddDays(5).ToString("O"));
        var listed = (await (await client.GetAsync($"/api/events?from={from}&to={to}")).ReadJsonAsync()).EnumerateArray()
            .Where(e => e.GetProperty("title").GetString()!.EndsWith(run, StringComparison.Ordinal))
            .Select(e => e.GetProperty("id").GetGuid()).ToList();
        ExactlyOnce("the app", acknowledged.Keys.Select(id => id.ToString()), listed.Select(id => id.ToString()));

        // In Google and in Notion: each once, under the app's id.
        var google = GoogleEvents().Where(e => e.Summary?.EndsWith(run, StringComparison.Ordinal) == true).ToList();
        ExactlyOnce("Google (by id)", acknowledged.Keys.Select(id => id.ToString("N")), google.Select(e => e.Id!));
        ExactlyOnce("Google (by title)", acknowledged.Values.Select(v => v.Title), google.Select(e => e.Summary!));
        var notion = NotionPages().Where(p => p.Title.EndsWith(run, StringComparison.Ordinal)).ToList();
        ExactlyOnce("Notion (by SyncDashboard ID)", acknowledged.Keys.Select(id => id.ToString()), notion.Select(p => p.AppId));
        ExactlyOnce("Notion (by title)", acknowledged.Values.Select(v => v.Title), notion.Select(p => p.Title));
    }

    private static void ExactlyOnce(string where, IEnumerable<string> expected, IEnumerable<string> found)
    {
        var counts = found.GroupBy(f => f).ToDictionary(g => g.Key, g => g.Count());
        var missing = expected.Where(e => !counts.ContainsKey(e)).ToList();
        var doubled = counts.Where(c => c.Value > 1).Select(c => $"{c.Key} ×{c.Value}").ToList();
        var unexpected = counts.Keys.Except(expected).ToList();
        Assert.True(missing.Count + doubled.Count + unexpected.Count == 0,
            $"In {where}: missing [{string.Join(", ", missing)}], doubled [{string.Join(", ", doubled)}], unexpected [{string.Join(", ", unexpected)}].");
    }

    /// <summary>
    /// Demo mode (the demo account connected to both emulators), emulator state in files so it survives the kill, control
    /// endpoints for the faults. Rate limits are lifted so the drain measures recovery, not Notion's 3 requests/s, and a
    /// failed send is retried within seconds, as in the other integration tests.
    /// </summary>
    private Dictionary<string, string> Settings() => new()
    {
        ["ConnectionStrings:Default"] = $"Data Source={Path.Combine(_dir, "app.db")}",
        ["Demo:Enabled"] = "true",
        ["Demo:KeyFile"] = Path.Combine(_dir, "key.json"),
        ["Demo:TimeZone"] = "UTC",
        ["Emulators:Google:StatePath"] = Path.Combine(_dir, "google.json"),
        ["Emulators:Notion:StatePath"] = Path.Combine(_dir, "notion.json"),
        ["Emulators:ControlEndpoints"] = "true",
        ["Emulators:Notion:RequestsPerSecond"] = "0",
        ["Notion:RequestsPerSecond"] = "100",
        ["Google:RequestsPerSecond"] = "100",
        ["Sync:RetryBaseDelay"] = "00:00:00.200",
        ["Sync:RetryMaxDelay"] = "00:00:02",
        ["Sync:DispatchInterval"] = "00:00:05",
        ["Logging:LogLevel:Default"] = "Warning",
    };

    private static async Task<string> DemoTokenAsync(AppProcess app)
    {
        using var browser = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = true, CookieContainer = new() }) { BaseAddress = app.BaseAddress };
        using var signedIn = await BrowserlessSignIn.PostFormAsync(browser, "/account/login", "/account/demo", new());
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        using var created = await browser.PostJsonAsync("/api/tokens", new { name = "crash test" });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        return (await created.ReadJsonAsync()).GetProperty("token").GetString()!;
    }

    private static HttpClient Api(Uri baseAddress, string token)
    {
        var client = new HttpClient { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(30) };
        client.DefaultRequestHeaders.Authorization = new("Bearer", token);
        return client;
    }

    private static Task<HttpResponseMessage> PostAsync(HttpClient api, string key, string title, DateTimeOffset start)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/events")
        {
            Content = JsonContent.Create(new { title, start, end = start.AddMinutes(30) }, options: Json.Web),
        };
        request.Headers.Add(IdempotencyKeys.Header, key);
        return api.SendAsync(request);
    }

    private static async Task InjectAsync(HttpClient control, string path, object fault)
    {
        using var response = await control.PostAsJsonAsync(path, fault);
        Assert.True(response.IsSuccessStatusCode, $"{path}: {response.StatusCode}");
    }

    // The database, read from this process while the app writes it (WAL lets readers in).
    private AppDbContext Db() => new(new DbContextOptionsBuilder<AppDbContext>()
        .UseSqlite($"Data Source={Path.Combine(_dir, "app.db")};Pooling=False").Options);

    private async Task<Guid> DemoUserIdAsync()
    {
        await using var db = Db();
        return await db.Users.Where(u => u.IsDemo).Select(u => u.Id).SingleAsync();
    }

    private async Task<int> HomeIntegrationsAsync(Guid userId)
    {
        await using var db = Db();
        return await db.Integrations.CountAsync(i => i.UserId == userId && i.IsHome && i.IsActive);
    }

    private sealed record RowCounts(int Rows, int Completed, int CompletedGoogle, int InFlight, int Open, int DeadLettered);

    private async Task<(int Open, int Rows)> OutboxStatesAsync(Guid userId)
    {
        await using var db = Db();
        var states = await db.Outbox.Where(o => o.UserId == userId).Select(o => o.State).ToListAsync();
        return (states.Count(s => s is OutboxState.Pending or OutboxState.InFlight or OutboxState.Failed), states.Count);
    }

    private async Task<int> InFlightAsync()
    {
        await using var db = Db();
        return await db.Outbox.CountAsync(o => o.State == OutboxState.InFlight);
    }

    private async Task<RowCounts> OursAsync(IEnumerable<Guid> eventIds)
    {
        var ids = eventIds.ToList();
        await using var db = Db();
        var rows = await (from o in db.Outbox
                          join i in db.Integrations on o.IntegrationId equals i.Id
                          where ids.Contains(o.EventId)
                          select new { o.State, i.Provider }).ToListAsync();
        return new RowCounts(rows.Count,
            rows.Count(r => r.State == OutboxState.Completed),
            rows.Count(r => r.State == OutboxState.Completed && r.Provider == Provider.Google),
            rows.Count(r => r.State == OutboxState.InFlight),
            rows.Count(r => r.State is OutboxState.Pending or OutboxState.InFlight or OutboxState.Failed),
            rows.Count(r => r.State == OutboxState.DeadLettered));
    }

    // The emulators' state files, as saved: read through copies so nothing here can write to the app's files.
    private IReadOnlyList<GoogleEvent> GoogleEvents()
    {
        var copy = Copy("google.json");
        return new GoogleEmulator(Options.Create(new GoogleEmulatorOptions { StatePath = copy })).Events(DemoCalendar);
    }

    private IEnumerable<string> GoogleTitles() => GoogleEvents().Select(e => e.Summary ?? "");

    /// <summary>How many of this run's creates a state file holds, by the numbers in their titles (a cheap look while the app runs).</summary>
    private int LandedIn(string file, string run)
    {
        using var stream = new FileStream(Path.Combine(_dir, file), FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        using var reader = new StreamReader(stream);
        var text = reader.ReadToEnd();
        return Regex.Matches(text, $@"Crash (\d{{3}}) {run}").Select(m => m.Groups[1].Value).Distinct().Count();
    }

    private IReadOnlyList<(string Title, string AppId)> NotionPages()
    {
        using var notion = new NotionEmulator(Options.Create(new NotionEmulatorOptions { StatePath = Copy("notion.json"), SeedDemo = false }));
        var calendar = notion.Databases.Single(d => d.Title == "Calendar");
        return [.. notion.ListPages(calendar.Id, includeTrashed: false).Select(p => (p.Text("Title"), p.Text("SyncDashboard ID")))];
    }

    private string Copy(string file)
    {
        var copy = Path.Combine(_dir, "read-" + Guid.NewGuid().ToString("N") + "-" + file);
        File.Copy(Path.Combine(_dir, file), copy);
        return copy;
    }

    public void Dispose()
    {
        try { Directory.Delete(_dir, recursive: true); } catch (IOException) { /* a file may still be held briefly */ }
    }
}
