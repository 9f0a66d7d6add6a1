using System.Net;
using SyncDashboard.Core.Domain;
using SyncDashboard.Tests.Infrastructure;
using SyncDashboard.Tests.Integration.Google;
using SyncDashboard.Tests.Integration.Notion;

namespace SyncDashboard.Tests.Integration.MassDelete;

/// <summary>
/// A script deleting most events through the API: after the undo window the deletions are held per integration instead
/// of sent (ADR 0015). The test host's undo window is 3 s.
/// </summary>
public sealed class OutboundMassDeleteTests(MassDeleteHost host) : IClassFixture<MassDeleteHost>
{
    private AppHost App => host.App;

    [Fact]
    public async Task ApiBurstIsHeldAfterTheUndoWindowAndApplyingItSendsTheDeletions()
    {
        var s = await DeleteFifteenOfTwentyAsync();

        Assert.Equal(20, s.GoogleLive().Count);
        Assert.Equal(20, App.LivePages(s.Notion).Count);
        // Each dispatcher pass holds the deletions whose window has ended by then, and records the run.
        Assert.Equal(15, (await App.SyncRunsAsync(s.Google.IntegrationId, SyncRunKind.Push)).Sum(r => r.Held));
        Assert.Equal(["OUTBOUND", "OUTBOUND"], (await s.HeldGroupsAsync()).Select(g => g.GetProperty("direction").ToString()));

        await s.SettleAsync(s.Google.IntegrationId, "apply");
        await s.SettleAsync(s.Notion.IntegrationId, "apply");

        await Eventually.TrueAsync(() => s.GoogleLive().Count == 5 && App.LivePages(s.Notion).Count == 5, "the deletions reached Google and Notion");
        Assert.Equal(5, await s.LiveInAppAsync());
        Assert.Empty(await s.HeldGroupsAsync());
    }

    [Fact]
    public async Task DiscardingAnApiBurstBringsTheEventsBackAndSendsNothing()
    {
        var s = await DeleteFifteenOfTwentyAsync();

        await s.SettleAsync(s.Google.IntegrationId, "discard");

        Assert.Equal(20, await s.LiveInAppAsync());
        Assert.Equal(HttpStatusCode.OK, (await s.Api.GetAsync($"/api/events/{s.EventIds[0]}")).StatusCode);
        // The events are back for every side: Notion's hold of the same deletions went with Google's.
        Assert.Empty(await s.HeldGroupsAsync());
        await Eventually.TrueAsync(() => App.OutboxDrainedAsync(s.Google.User.Id), "nothing is left in the outbox");
        Assert.Equal(20, s.GoogleLive().Count);
        Assert.Equal(20, App.LivePages(s.Notion).Count);
    }

    private async Task<MassDeleteScene> DeleteFifteenOfTwentyAsync()
    {
        var s = await MassDeleteScene.SeedAsync(App, 20);
        foreach (var id in s.EventIds.Take(15))
            Assert.Equal(HttpStatusCode.NoContent, (await s.Api.DeleteAsync($"/api/events?id={id}")).StatusCode);
        Assert.Equal(5, await s.LiveInAppAsync());
        await Eventually.TrueAsync(async () => await s.HeldAsync(s.Google.IntegrationId) == 15 && await s.HeldAsync(s.Notion.IntegrationId) == 15,
            "the deletions are held for Google and for Notion", TimeSpan.FromSeconds(30));
        return s;
    }
}
