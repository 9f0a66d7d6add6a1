using AngleSharp.Dom;
using Bunit;
using SyncDashboard.Core.Domain;
using SyncDashboard.Core.Sync.Progress;
using SyncDashboard.Core.Sync.Status;
using SyncDashboard.Web.Components.Dashboard;

namespace SyncDashboard.Tests.Components;

[UseInvariantCulture]
public sealed class SyncStatusPanelTests
{
    private static readonly TimeZoneInfo Berlin = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");
    private static readonly DateTimeOffset LastSync = new(2026, 3, 10, 23, 30, 0, TimeSpan.Zero);

    [Fact]
    public async Task WithNothingConnectedThePanelOffersToConnectGoogleAndNotion()
    {
        await using var ctx = new BunitContext();
        var cut = ctx.Render<SyncStatusPanel>(p => p.Add(x => x.Integrations, []));

        Assert.Contains("Connect Google or Notion in Settings", Text.Of(cut.Find("[data-testid=sync-status-empty]")));
        Assert.Equal("/settings#google", cut.Find("[data-testid=connect-google-cta]").GetAttribute("href"));
        Assert.Equal("/settings#notion", cut.Find("[data-testid=connect-notion-cta]").GetAttribute("href"));
        Assert.Empty(cut.FindAll("[data-testid=integration-status]"));
    }

    [Fact]
    public async Task ActiveIntegrationWithNothingOutstandingReadsInSync()
    {
        await using var ctx = new BunitContext();
        var item = RenderOne(ctx, Google());

        Assert.Contains("Google Work in sync", item);
        Assert.Contains("0 pending · 0 failed", item);
    }

    [Fact]
    public async Task PendingChangesReadSyncing()
    {
        await using var ctx = new BunitContext();
        var item = RenderOne(ctx, Google() with { PendingChanges = 3 });

        Assert.Contains("Work syncing", item);
        Assert.Contains("3 pending · 0 failed", item);
    }

    [Fact]
    public async Task FailedChangesSaySoAndShowTheLastReason()
    {
        await using var ctx = new BunitContext();
        var item = RenderOne(ctx, Google() with { PendingChanges = 1, FailedChanges = 2, LastFailureReason = "Google refused the event: end before start." });

        Assert.Contains("Work some changes failed", item);
        Assert.Contains("1 pending · 2 failed", item);
        Assert.Contains("Last failed change: Google refused the event: end before start.", item);
    }

    [Fact]
    public async Task ErrorStateShowsTheSyncErrorAsAnAlert()
    {
        await using var ctx = new BunitContext();
        var cut = ctx.Render<SyncStatusPanel>(p => p
            .Add(x => x.Integrations, [Google() with { Status = IntegrationStatus.Error, LastSyncError = "The calendar was not found at Google." }]));

        Assert.Contains("Work error", Text.Of(cut.Find("[data-testid=integration-status]")));
        Assert.Equal("The calendar was not found at Google.", Text.Of(cut.Find("[role=alert]")));
    }

    [Fact]
    public async Task HealthyIntegrationShowsNoAlert()
    {
        await using var ctx = new BunitContext();
        var cut = ctx.Render<SyncStatusPanel>(p => p.Add(x => x.Integrations, [Google()]));

        Assert.Empty(cut.FindAll("[role=alert]"));
    }

    [Fact]
    public async Task NeedsReconnectWinsOverEveryOtherState()
    {
        await using var ctx = new BunitContext();
        var item = RenderOne(ctx, Google() with
        {
            NeedsReconnect = true, Status = IntegrationStatus.Error, FailedChanges = 1, PendingChanges = 4, LastSyncError = "Access was revoked.",
        });

        Assert.Contains("Work needs reconnect", item);
        Assert.DoesNotContain("Work error", item);
        Assert.DoesNotContain("some changes failed", item);
    }

    [Fact]
    public async Task LastSyncIsShownInTheUsersZone()
    {
        await using var ctx = new BunitContext();
        // 23:30 UTC on Tuesday is 00:30 on Wednesday in Berlin.
        var item = RenderOne(ctx, Google(), Berlin);

        Assert.Contains("Last sync: Wed, 11 Mar 00:30", item);
    }

    [Fact]
    public async Task IntegrationThatNeverSyncedSaysNever()
    {
        await using var ctx = new BunitContext();
        var item = RenderOne(ctx, Google() with { LastSyncAt = null });

        Assert.Contains("Last sync: never", item);
    }

    [Fact]
    public async Task GooglePushReadsOffWithoutAChannel()
    {
        await using var ctx = new BunitContext();
        var item = RenderOne(ctx, Google() with { ChannelId = null, ChannelExpiresAt = null });

        Assert.Contains("push off", item);
    }

    [Fact]
    public async Task GooglePushReadsOpeningUntilTheChannelHasAnExpiry()
    {
        await using var ctx = new BunitContext();
        var item = RenderOne(ctx, Google() with { ChannelId = "channel-1", ChannelExpiresAt = null });

        Assert.Contains("push opening", item);
    }

    [Fact]
    public async Task GooglePushShowsUntilWhenTheChannelIsLiveInTheUsersZone()
    {
        await using var ctx = new BunitContext();
        var item = RenderOne(ctx, Google() with { ChannelId = "channel-1", ChannelExpiresAt = new DateTimeOffset(2026, 3, 17, 7, 15, 0, TimeSpan.Zero) }, Berlin);

        Assert.Contains("push live until Tue, 17 Mar 08:15", item);
    }

    [Fact]
    public async Task GooglePushPastItsExpiryIsNotCalledLive()
    {
        await using var ctx = new BunitContext();
        var expiry = new DateTimeOffset(2026, 3, 17, 7, 15, 0, TimeSpan.Zero);
        var status = Google() with { ChannelId = "channel-1", ChannelExpiresAt = expiry };

        var before = RenderOne(ctx, status, now: expiry.AddMinutes(-1));
        var after = RenderOne(ctx, status, now: expiry.AddMinutes(1));

        Assert.Contains("push live until Tue, 17 Mar 07:15", before);
        Assert.Contains("push expired, renewing", after);
        Assert.DoesNotContain("live until", after);
    }

    [Fact]
    public async Task NotionIntegrationReadsLastPollAndItsWebhookState()
    {
        await using var ctx = new BunitContext();
        var cut = ctx.Render<SyncStatusPanel>(p => p.Add(x => x.Integrations,
        [
            Notion("Tasks") with { HasWebhookToken = true },
            Notion("Journal") with { HasWebhookToken = false },
        ]).Add(x => x.Format, Unit.Formatting.FormatKit.For("en-GB")));

        var items = Text.Of(cut.FindAll("[data-testid=integration-status]"));
        Assert.Contains("Notion Tasks in sync", items[0]);
        Assert.Contains("Last poll: Tue, 10 Mar 23:30", items[0]);
        Assert.Contains("webhook set up", items[0]);
        Assert.Contains("webhook off (polling)", items[1]);
        Assert.DoesNotContain("push", items[1]);
    }

    [Fact]
    public async Task SyncNowAsksForThatIntegration()
    {
        await using var ctx = new BunitContext();
        var (work, home) = (Google(), Google() with { Id = Guid.NewGuid(), DisplayName = "Home" });
        Guid? asked = null;
        var cut = ctx.Render<SyncStatusPanel>(p => p
            .Add(x => x.Integrations, [work, home])
            .Add(x => x.OnSyncNow, (Guid? id) => asked = id));

        await cut.FindAll("[data-testid=integration-sync-now]")[1].ClickAsync(new());

        Assert.Equal(home.Id, asked);
    }

    [Fact]
    public async Task SyncNowCannotBePressedWhileASyncIsRunning()
    {
        await using var ctx = new BunitContext();
        var cut = ctx.Render<SyncStatusPanel>(p => p.Add(x => x.Integrations, [Google()]).Add(x => x.Syncing, true));

        Assert.True(cut.Find("[data-testid=integration-sync-now]").HasAttribute("disabled"));

        cut.Render(p => p.Add(x => x.Syncing, false));
        Assert.False(cut.Find("[data-testid=integration-sync-now]").HasAttribute("disabled"));
    }

    [Fact]
    public async Task ARunningPullOrDrainShowsWhatItIsDoingAndItsSyncNowWaitsForIt()
    {
        await using var ctx = new BunitContext();
        var work = Google();
        var pulling = new SyncProgress(work.Id, SyncRunKind.Pull, SyncStage.Applying, 8, 1000, 2000, 0, 0, LastSync);
        var cut = ctx.Render<SyncStatusPanel>(p => p.Add(x => x.Integrations, [work])
            .Add(x => x.Progress, new Dictionary<Guid, SyncProgress> { [work.Id] = pulling }));

        Assert.Equal("Pulling: 8 pages fetched, 1000 of 2000 events applied", Text.Of(cut.Find("[data-testid=sync-progress]")));
        Assert.True(cut.Find("[data-testid=integration-sync-now]").HasAttribute("disabled"));

        cut.Render(p => p.Add(x => x.Progress, new Dictionary<Guid, SyncProgress>
        {
            [work.Id] = new(work.Id, SyncRunKind.Push, SyncStage.Sending, 0, 0, 0, 1, 12, LastSync),
        }));
        Assert.Equal("Sending: 1 of 12 changes sent", Text.Of(cut.Find("[data-testid=sync-progress]")));

        cut.Render(p => p.Add(x => x.Progress, new Dictionary<Guid, SyncProgress>()));
        Assert.Empty(cut.FindAll("[data-testid=sync-progress]"));
        Assert.False(cut.Find("[data-testid=integration-sync-now]").HasAttribute("disabled"));
    }

    [Fact]
    public async Task APausedIntegrationReadsPausedAndOffersNoSyncNow()
    {
        await using var ctx = new BunitContext();
        Assert.Contains("Paused", RenderOne(ctx, Google() with { IsPaused = true, PendingChanges = 3 }));
        var cut = ctx.Render<SyncStatusPanel>(p => p.Add(x => x.Integrations, [Google() with { IsPaused = true }]));
        Assert.True(cut.Find("[data-testid=integration-sync-now]").HasAttribute("disabled"));
    }

    private static string RenderOne(BunitContext ctx, IntegrationStatusDto status, TimeZoneInfo? zone = null, DateTimeOffset? now = null)
    {
        var cut = ctx.Render<SyncStatusPanel>(p => p.Add(x => x.Integrations, [status]).Add(x => x.Format, Unit.Formatting.FormatKit.For("en-GB", zone: zone ?? TimeZoneInfo.Utc))
            .Add(x => x.Now, now ?? LastSync));
        IElement item = Assert.Single(cut.FindAll("[data-testid=integration-status]"));
        Assert.Equal(status.Id.ToString(), item.GetAttribute("data-integration-id"));
        return Text.Of(item);
    }

    /// <summary>An active Google calendar with a live push channel, nothing outstanding, last synced at <see cref="LastSync"/>.</summary>
    private static IntegrationStatusDto Google() => new(
        Guid.NewGuid(), Provider.Google, "Work", "work@example.com", SyncDirection.TwoWay, true, IntegrationStatus.Active, false,
        LastSync, null, 0, 0, "channel-1", LastSync.AddDays(7), null, Guid.NewGuid(), "me@example.com", LastSync, false);

    private static IntegrationStatusDto Notion(string name) => Google() with
    {
        Id = Guid.NewGuid(), Provider = Provider.Notion, DisplayName = name, ChannelId = null, ChannelExpiresAt = null,
    };
}
