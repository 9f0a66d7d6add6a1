using SyncDashboard.Core.Sync.Controls;
using Microsoft.EntityFrameworkCore;
using SyncDashboard.Core.Domain;
using SyncDashboard.Core.Google;
using SyncDashboard.Core.Persistence;
using SyncDashboard.Core.Sync;
using SyncDashboard.Emulators.Google;
using SyncDashboard.Tests.Infrastructure;

namespace SyncDashboard.Tests.Integration.Google;

/// <summary>Google's safety-net poll, a Quartz job per integration like Notion's, with push notifications off.</summary>
public sealed class GooglePollTests
{
    private static DateTimeOffset Tomorrow(int hour) => new DateTimeOffset(DateTime.UtcNow.Date.AddDays(1).AddHours(hour), TimeSpan.Zero);

    [Fact]
    public async Task WithoutPushTheIntegrationsPollBringsGoogleChangesAndStopsAtDisconnect()
    {
        await using var host = await AppHost.StartAsync(new Dictionary<string, string?>
        {
            ["Google:UsePushNotifications"] = "false",
            ["Sync:SafetyNetInterval"] = "00:00:01",
        });
        var emulator = host.Get<GoogleEmulator>();
        var g = await host.ConnectGoogleAsync();

        emulator.InsertEvent(g.CalendarId, GoogleTestKit.TimedEvent("Made in Google, no push", Tomorrow(9)));
        await Eventually.TrueAsync(async () => (await host.AppEventsAsync(g.User.Id)).Any(e => e.Title == "Made in Google, no push"),
            "the poll brought the Google event");
        Assert.Contains(await PullRunsAsync(host, g.IntegrationId), r => r.Trigger == SyncTrigger.Poll && r.Created == 1);

        await host.Get<IntegrationControls>().DisconnectAsync(g.User.Id, g.IntegrationId, default);
        // A pull that read the integration just before the disconnect may still be finishing; every pull holds the
        // integration's lock, so once we get it, any later pull sees the integration disconnected.
        using (await host.Get<IntegrationLocks>().AcquireAsync(g.IntegrationId, default)) { }
        var runsAtDisconnect = (await PullRunsAsync(host, g.IntegrationId)).Count;
        emulator.InsertEvent(g.CalendarId, GoogleTestKit.TimedEvent("After disconnect", Tomorrow(11)));

        // The sentinel: a second user's integration is polled by the same scheduler at the same interval; two of its
        // polls after the disconnect mean the first integration's job would have fired by then too.
        var sentinel = await host.ConnectGoogleAsync();
        var sentinelRuns = (await PullRunsAsync(host, sentinel.IntegrationId)).Count(r => r.Trigger == SyncTrigger.Poll);
        await Eventually.TrueAsync(async () => (await PullRunsAsync(host, sentinel.IntegrationId)).Count(r => r.Trigger == SyncTrigger.Poll) >= sentinelRuns + 2,
            "the sentinel integration was polled twice");

        Assert.Equal(runsAtDisconnect, (await PullRunsAsync(host, g.IntegrationId)).Count);
        Assert.DoesNotContain(await host.AppEventsAsync(g.User.Id), e => e.Title == "After disconnect");
    }

    private static async Task<List<SyncRun>> PullRunsAsync(AppHost host, Guid integrationId)
    {
        await using var db = await host.Get<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
        return await db.SyncRuns.AsNoTracking().Where(r => r.IntegrationId == integrationId && r.Kind == SyncRunKind.Pull).ToListAsync();
    }
}
