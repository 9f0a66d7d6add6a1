using System.Net;
using SyncDashboard.Core.Domain;
using SyncDashboard.Tests.Infrastructure;
using SyncDashboard.Tests.Integration.Google;
using SyncDashboard.Tests.Integration.Notion;

namespace SyncDashboard.Tests.Integration.MassDelete;

/// <summary>
/// A burst of deletions on one side (over half of its events and at least 10, the defaults) is held for the user instead of
/// emptying the app and then the other side (ADR 0015); over real HTTP with both emulators.
/// </summary>
public sealed class InboundMassDeleteTests(MassDeleteHost host) : IClassFixture<MassDeleteHost>
{
    private AppHost App => host.App;

    [Fact]
    public async Task CalendarEmptiedInGoogleIsHeldAndApplyingItDeletesInTheAppAndInNotion()
    {
        var s = await MassDeleteScene.SeedAsync(App, 20);
        s.DeleteInGoogle(s.EventIds.Take(15));

        await s.SyncAsync(s.Google.IntegrationId);

        Assert.Equal(20, await s.LiveInAppAsync());
        Assert.Equal(15, await s.HeldAsync(s.Google.IntegrationId));
        Assert.Equal(20, App.LivePages(s.Notion).Count);
        Assert.True(await App.OutboxDrainedAsync(s.Google.User.Id), "no deletion is on its way to Notion");
        var group = Assert.Single(await s.HeldGroupsAsync());
        Assert.Equal((s.Google.IntegrationId, 15, "INBOUND"), (group.GetProperty("integrationId").GetGuid(), group.GetProperty("count").GetInt32(),
            group.GetProperty("direction").ToString()));
        Assert.Equal(5, group.GetProperty("titles").GetArrayLength());
        Assert.Contains(await App.SyncRunsAsync(s.Google.IntegrationId), r => r.Kind == SyncRunKind.Pull && r.Held == 15);

        await s.SettleAsync(s.Google.IntegrationId, "apply");

        Assert.Equal(5, await s.LiveInAppAsync());
        await Eventually.TrueAsync(() => App.LivePages(s.Notion).Count == 5, "the 15 pages are trashed in Notion");
        Assert.Equal(0, await s.HeldAsync(s.Google.IntegrationId));
        Assert.Empty(await s.HeldGroupsAsync());
        // Relayed deletions were judged on the way in: the outbound guard let them through.
        Assert.Equal(0, await s.HeldAsync(s.Notion.IntegrationId));
    }

    [Fact]
    public async Task DiscardingAHeldGoogleBurstWritesTheEventsBackToGoogleAndDeletesNothingInNotion()
    {
        var s = await MassDeleteScene.SeedAsync(App, 20);
        s.DeleteInGoogle(s.EventIds.Take(15));
        await s.SyncAsync(s.Google.IntegrationId);
        Assert.Equal(15, await s.HeldAsync(s.Google.IntegrationId));
        var stranger = await App.CreateUserAsync();
        foreach (var action in new[] { "apply", "discard" })
        {
            Assert.Equal(HttpStatusCode.NotFound, (await stranger.Api.PostAsync($"/api/calendar/held-deletions/{s.Google.IntegrationId}/{action}", null)).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await s.Api.PostAsync($"/api/calendar/held-deletions/{Guid.NewGuid()}/{action}", null)).StatusCode);
        }
        Assert.Equal("[]", (await (await stranger.Api.GetAsync("/api/calendar/held-deletions")).ReadJsonAsync()).GetRawText());
        Assert.Equal(15, await s.HeldAsync(s.Google.IntegrationId));

        await s.SettleAsync(s.Google.IntegrationId, "discard");

        await Eventually.TrueAsync(async () => s.GoogleLive().Count == 20 && await App.OutboxDrainedAsync(s.Google.User.Id),
            "the 15 events are in Google again");
        Assert.Equal(20, await s.LiveInAppAsync());
        Assert.Equal(20, App.LivePages(s.Notion).Count);
        Assert.Equal(0, await s.HeldAsync(s.Google.IntegrationId));
        // Pulling again finds only the app's own writes.
        await s.SyncAsync(s.Google.IntegrationId);
        Assert.Equal((20, 0), (await s.LiveInAppAsync(), await s.HeldAsync(s.Google.IntegrationId)));
    }

    [Theory]
    [InlineData(20, 5)] // not over half
    [InlineData(12, 9)] // over half, but fewer than the minimum of 10
    public async Task DeletionsBelowTheThresholdApplyAsBefore(int seeded, int deleted)
    {
        var s = await MassDeleteScene.SeedAsync(App, seeded);
        s.DeleteInGoogle(s.EventIds.Take(deleted));

        await s.SyncAsync(s.Google.IntegrationId);

        Assert.Equal(seeded - deleted, await s.LiveInAppAsync());
        Assert.Equal(0, await s.HeldAsync(s.Google.IntegrationId));
        await Eventually.TrueAsync(() => App.LivePages(s.Notion).Count == seeded - deleted, "the deletions reached Notion");
    }

    [Fact]
    public async Task BulkTrashInNotionIsHeldAndApplyingItCancelsTheGoogleEvents()
    {
        var s = await MassDeleteScene.SeedAsync(App, 20);
        s.TrashInNotion(s.EventIds.Skip(5));

        var pull = await s.Notion.PullAsync();

        Assert.Equal((0, 15), (pull.GetProperty("deleted").GetInt32(), pull.GetProperty("held").GetInt32()));
        Assert.Equal(20, await s.LiveInAppAsync());
        Assert.Equal(15, await s.HeldAsync(s.Notion.IntegrationId));
        Assert.Equal(20, s.GoogleLive().Count);

        await s.SettleAsync(s.Notion.IntegrationId, "apply");

        Assert.Equal(5, await s.LiveInAppAsync());
        await Eventually.TrueAsync(() => s.GoogleLive().Count == 5, "the 15 events are cancelled in Google");
        Assert.Equal(0, await s.HeldAsync(s.Notion.IntegrationId));
    }
}
