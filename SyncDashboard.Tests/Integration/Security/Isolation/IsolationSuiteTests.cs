using SyncDashboard.Core.Notifications;
using SyncDashboard.Tests.Infrastructure;
using SyncDashboard.Tests.Integration.Notion;
using SyncDashboard.Tests.Integration.Security.Surface;
using Xunit.Abstractions;

namespace SyncDashboard.Tests.Integration.Security.Isolation;

/// <summary>
/// A second user against the first, over every endpoint, page and hub method: guessing the first user's ids,
/// swapping in their token ids, channel ids, integration ids and OAuth states, and calling the emulated Google and
/// Notion with their own provider tokens. Nothing of the first user's may come back, and nothing of theirs may change.
/// Its own host, with the per-address sign-in and token limits lifted so every request reaches the code under test.
/// </summary>
public sealed class IsolationSuiteTests(ITestOutputHelper output) : IAsyncLifetime
{
    private AppHost _app = default!;

    public async Task InitializeAsync() => _app = await NotionTestKit.StartQuietHostAsync(new()
    {
        ["Accounts:SignInRequestsPerMinute"] = "100000",
        ["Accounts:MaxFailedApiTokens"] = "100000",
        // Notion's 3 requests a second would answer most of the run with 429 before the handlers see it.
        ["Emulators:Notion:RequestsPerSecond"] = "100000",
        ["Emulators:Notion:Burst"] = "100000",
    });

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task ASecondUserGetsNothingOfTheFirstUsersFromAnyEndpointPageOrHubMethod()
    {
        var routes = AppSurface.Read(_app);
        SurfaceCoverage.AssertComplete(routes);
        var victim = await SurfaceUsers.CreateAsync(_app, "victim");
        var attacker = await SurfaceUsers.CreateAsync(_app, "attacker");
        await MakeSequencesDifferAsync(victim, attacker); // so the hub's CurrentSeq would tell whose it answered
        await SurfaceUsers.DrainOutboxAsync(_app, victim.UserId, victim.GoogleIntegrationId, victim.NotionIntegrationId);
        var victimData = await UserDataDigest.TakeAsync(_app, victim.UserId, withAccountCount: false);
        var victimEmulated = EmulatorSnapshot.Take(_app, victim);

        using var attackerClient = new SurfaceClient(_app, attacker.User, await _app.SignInAsync(attacker.User));
        using var victimClient = new SurfaceClient(_app, victim.User, await _app.SignInAsync(victim.User));
        var log = new LeakLog(victim);
        await using var hub = new HubSweep(_app, victim, attacker, log);
        await hub.ListenAsync();

        var endpoints = new EndpointSweep(victim, attacker, attackerClient, log);
        await endpoints.RunAsync([.. AppRoutes.All.Where(s => !s.EndsSession), .. PlatformRoutes.Hub, .. PlatformRoutes.Framework,
            .. EmulatorRoutes.All.Select(e => e.Spec)], new Random(20_261_202));
        var pages = new PageSweep(victim, attacker, attackerClient, victimClient, log);
        await pages.RunAsync(PageRoutes.Discover());
        await hub.CallEveryMethodAsync();

        var unchanged = await UserDataDigest.TakeAsync(_app, victim.UserId, withAccountCount: false);
        if (!unchanged.SameAs(victimData)) log.Leaks.Add("the victim's data changed: " + unchanged.DifferenceFrom(victimData));
        var emulated = EmulatorSnapshot.Take(_app, victim);
        if (!emulated.SequenceEqual(victimEmulated))
            log.Leaks.Add("the victim's emulated Google or Notion changed: " + string.Join("; ", emulated.Except(victimEmulated).Concat(victimEmulated.Except(emulated)).Take(6)));
        await hub.CheckDeliveriesAsync(CreateEventAsync);
        await endpoints.RunAsync(AppRoutes.All.Where(s => s.EndsSession), new Random(1)); // signs the attacker out

        output.WriteLine($"isolation: {log.Requests:N0} requests over {log.Endpoints} endpoints, {pages.Pages} pages ({pages.Requests} page requests), "
            + $"{hub.Methods} hub methods, {log.Leaks.Count} leaks");
        output.WriteLine($"  pages that show the victim their own markers: {string.Join(", ", pages.ShowingTheirOwner)}");
        Assert.True(log.Leaks.Count == 0, $"{log.Leaks.Count} leaks:\n" + string.Join("\n", log.Leaks.Distinct().Take(60)));
        // The markers are visible where they belong, so their absence from the attacker's pages means something.
        Assert.Contains("/", pages.ShowingTheirOwner);
        Assert.Contains("/settings", pages.ShowingTheirOwner);
        Assert.Contains("/settings/google", pages.ShowingTheirOwner);
        Assert.Contains("/settings/notion", pages.ShowingTheirOwner);
    }

    private async Task MakeSequencesDifferAsync(UserResources victim, UserResources attacker)
    {
        var notifier = _app.Get<IChangeNotifier>();
        if (await notifier.GetCurrentSeqAsync(victim.UserId) == await notifier.GetCurrentSeqAsync(attacker.UserId))
            await CreateEventAsync(victim.User, victim.Markers[0] + " extra");
    }

    private static async Task<Guid> CreateEventAsync(TestUser user, string title)
    {
        var start = DateTimeOffset.UtcNow.AddDays(2);
        using var response = await user.Api.PostJsonAsync("/api/events", new { title, start, end = start.AddHours(1) });
        response.EnsureSuccessStatusCode();
        return (await response.ReadJsonAsync()).GetProperty("id").GetGuid();
    }
}
