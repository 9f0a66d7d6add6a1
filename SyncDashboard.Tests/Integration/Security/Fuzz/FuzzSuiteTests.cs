using System.Diagnostics;
using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SyncDashboard.Core.Domain;
using SyncDashboard.Core.Persistence;
using SyncDashboard.Tests.Infrastructure;
using SyncDashboard.Tests.Integration.Notion;
using SyncDashboard.Tests.Integration.Security.Surface;
using Xunit.Abstractions;

namespace SyncDashboard.Tests.Integration.Security.Fuzz;

/// <summary>
/// Every endpoint, page, hub and framework route, and the emulators, with malformed, mislabelled and oversized bodies,
/// hostile values in every field, query value, route value and header, and forged credentials: no 5xx, no error logged,
/// and no request that was turned away changed anything. Seeded (FUZZ_SEED overrides the default) so a failure repeats.
/// Its own host: it captures the logs, and lifts the per-address limits that would otherwise answer most of it with 429.
/// </summary>
public sealed class FuzzSuiteTests(ITestOutputHelper output) : IAsyncLifetime
{
    private const int DefaultSeed = 20_261_201;
    /// <summary>Hostile values per field on the routes that are not the app's own API: pages, hub, framework, emulators.</summary>
    private const int Light = 3;
    private readonly CapturedLogs _logs = new() { MinimumLevel = LogLevel.Error };
    private AppHost _app = default!;

    public async Task InitializeAsync() => _app = await NotionTestKit.StartQuietHostAsync(new()
    {
        ["Accounts:SignInRequestsPerMinute"] = "100000",
        ["Accounts:MaxFailedApiTokens"] = "100000",
        // Notion's 3 requests a second would answer most of the run with 429 before the handlers see it.
        ["Emulators:Notion:RequestsPerSecond"] = "100000",
        ["Emulators:Notion:Burst"] = "100000",
    }, builder => builder.Logging.AddProvider(_logs));

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task NoRequestGetsAServerErrorAndNoRejectedRequestChangesAnything()
    {
        var routes = AppSurface.Read(_app);
        SurfaceCoverage.AssertComplete(routes);
        var seed = int.TryParse(Environment.GetEnvironmentVariable("FUZZ_SEED"), NumberStyles.Integer, CultureInfo.InvariantCulture, out var s) ? s : DefaultSeed;
        var limit = _app.Get<IOptions<KestrelServerOptions>>().Value.Limits.MaxRequestBodySize
            ?? throw new InvalidOperationException("The app sets no request body limit.");

        // Export-only integrations: accepted writes still queue outbox rows, but nothing flows back in the background
        // to change the data between a request and the digest after it.
        var user = await SurfaceUsers.CreateAsync(_app, "fuzz", SyncDirection.ExportOnly, SyncDirection.ExportOnly, notionHome: false);
        await SetTimeZoneAsync(user.UserId, "Pacific/Kiritimati"); // +14:00: "today" is a different date than in UTC
        var emulatorOnly = EmulatorOnlyAccounts.For(_app, user);
        using var client = new SurfaceClient(_app, user.User, await _app.SignInAsync(user.User));
        using var version = new DatabaseVersion(_app);
        var run = new FuzzRun(_app, user.UserId, client, version);
        var variants = new FuzzVariants(new Random(seed), limit);
        var errorsBefore = _logs.Entries.Count;
        var clock = Stopwatch.StartNew();

        foreach (var (spec, target) in Plan(user, emulatorOnly))
        {
            var own = await SurfaceUsers.RefreshAsync(_app, user); // a request may have replaced the channel or the webhook secret
            var aim = target is null ? Aim.Self(own) : new Aim(target, target);
            foreach (var parts in variants.For(spec, aim).Concat(FuzzScenarios.For(RequestParts.Valid(spec, aim)))) await run.SendAsync(parts);
        }
        clock.Stop();

        var errors = _logs.Entries.Skip(errorsBefore)
            .Select(e => new FuzzProblem(e.Category, $"error logged ({e.Exception?.GetType().Name}: {Clip(e.Exception?.Message ?? e.Message, 70)})",
                $"{Clip(e.Message, 200)} {e.Exception?.StackTrace?.Split('\n').FirstOrDefault(l => l.Contains("SyncDashboard"))?.Trim()}")).ToList();
        output.WriteLine($"fuzz: seed {seed}, {run.Requests:N0} requests over {run.PerRoute.Count} endpoints, {run.ServerErrors.Count} 5xx, "
            + $"{run.StateChanges.Count} state changes from rejected requests ({run.Rejected:N0} rejected), {errors.Count} errors logged, "
            + $"{run.TransportErrors.Count} transport errors, {clock.Elapsed.TotalSeconds:F1} s ({run.DigestTime.TotalSeconds:F1} s of it in digests)");
        foreach (var (route, count) in run.PerRoute.OrderBy(r => r.Key, StringComparer.Ordinal))
            output.WriteLine($"  {count,5} requests, {run.RejectedOn(route),5} rejected, {run.TimePerRoute[route].TotalSeconds,5:F1} s  {route}");

        var problems = run.ServerErrors.Concat(run.StateChanges).Concat(run.TransportErrors).Concat(errors).ToList();
        Assert.True(problems.Count == 0, $"seed {seed}: {problems.Count} problems:\n" + FuzzProblem.Report(problems));
    }

    /// <summary>
    /// The app's routes at the user's own things, then pages, the hub, the framework, the emulators (at accounts no
    /// app user syncs), and last what ends the session.
    /// </summary>
    private static IEnumerable<(RouteSpec Spec, UserResources? Target)> Plan(UserResources user, UserResources emulatorOnly)
    {
        foreach (var spec in AppRoutes.All.Where(s => !s.EndsSession)) yield return (spec, null);
        foreach (var page in PageRoutes.Discover())
        {
            foreach (var method in new[] { "GET", "POST" })
            {
                yield return (new RouteSpec(method, page.Route)
                {
                    Caller = Caller.Cookie, ValuesPerField = Light,
                    Query = a => [.. page.QueryNames.Select(n => RouteSpec.P(n, PageRoutes.QueryValues[n](a.Target)[0]))],
                    Form = method == "POST" ? _ => [] : null,
                }, null);
            }
        }
        foreach (var spec in PlatformRoutes.Hub.Concat(PlatformRoutes.Framework)) yield return (spec with { ValuesPerField = Light }, null);
        foreach (var (spec, _) in EmulatorRoutes.All) yield return (spec with { ValuesPerField = Light }, emulatorOnly);
        foreach (var spec in AppRoutes.All.Where(s => s.EndsSession)) yield return (spec, null);
    }

    private static string Clip(string s, int length) => s.Length <= length ? s : s[..length] + "…";

    private async Task SetTimeZoneAsync(Guid userId, string zone)
    {
        await using var db = await _app.Get<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
        await db.Users.Where(u => u.Id == userId).ExecuteUpdateAsync(u => u.SetProperty(x => x.TimeZone, zone));
    }
}
