using Bunit;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using MudBlazor.Services;
using SyncDashboard.Core.Display;
using SyncDashboard.Core.Domain;
using SyncDashboard.Core.Formatting;
using SyncDashboard.Core.Sync.Controls;
using SyncDashboard.Core.Sync.Polling;
using SyncDashboard.Core.Sync.Status;
using SyncDashboard.Web.Calendar.Sources;
using SyncDashboard.Web.Components.Settings;

namespace SyncDashboard.Tests.Components.Settings;

/// <summary>One integration's card on Settings, over Core's real services and database.</summary>
public sealed class IntegrationCardTests(ComponentDatabase database) : IClassFixture<ComponentDatabase>
{
    private static readonly DateTimeFormatter EnGb = new(DisplayPreferences.FromCulture("en-GB", TimeZoneInfo.Utc));

    [Fact]
    public async Task ACardSaysWhetherItIsConnectedWhenItLastSyncedAndWhatWentWrong()
    {
        await using var ctx = NewContext();
        var (userId, integration) = await NewAsync();

        var synced = Render(ctx, userId, Status(integration) with { LastSyncAt = new DateTimeOffset(2026, 12, 1, 14, 5, 0, TimeSpan.Zero) });
        Assert.Equal("Connected", Text.Of(synced.Find("[data-testid=integration-state]")));
        Assert.Equal("Last synced Tue, 1 Dec 14:05", Text.Of(synced.Find("[data-testid=last-poll]")));
        Assert.Empty(synced.FindAll("[data-testid=integration-error]"));

        var broken = Render(ctx, userId, Status(integration) with { NeedsReconnect = true, LastSyncError = "Google refused the grant." });
        Assert.Equal("Needs reconnect", Text.Of(broken.Find("[data-testid=integration-state]")));
        Assert.Equal("Google refused the grant.", Text.Of(broken.Find("[data-testid=integration-error]")));

        var fresh = Render(ctx, userId, Status(integration));
        Assert.Equal("Connected, not synced yet", Text.Of(fresh.Find("[data-testid=integration-state]")));
    }

    [Fact]
    public async Task NewEventsGoHereIsExplainedAndNotOfferedForAnImportOnlyCalendar()
    {
        await using var ctx = NewContext();
        var (userId, integration) = await NewAsync();

        var twoWay = Render(ctx, userId, Status(integration));
        Assert.Contains("New events go here", Text.Of(twoWay.Find("[data-testid=home-switch]")));
        Assert.Equal("Events you create in this app are also created here (one Google calendar at a time).", Text.Of(twoWay.Find("[data-testid=home-explained]")));
        Assert.Equal("Changes on either side show up on the other.", Text.Of(twoWay.Find("[data-testid=direction-explained]")));

        var importOnly = Render(ctx, userId, Status(integration) with { Direction = SyncDirection.ImportOnly, IsHome = false });
        Assert.NotNull(importOnly.Find("[data-testid=home-switch] input").GetAttribute("disabled"));
        Assert.Equal("Import only: events made in this app cannot go here.", Text.Of(importOnly.Find("[data-testid=home-explained]")));
    }

    [Fact]
    public async Task PickingAColourStoresItAndTheCardAndTheCalendarUseIt()
    {
        await using var ctx = NewContext();
        var (userId, integration) = await NewAsync();
        var changed = 0;
        var cut = Render(ctx, userId, Status(integration), onChanged: () => changed++);
        var pink = SourcePalette.Integrations[3];

        await cut.Find($"[data-testid=colour-swatch][data-colour='{pink}']").ClickAsync(new());

        Assert.Equal("true", cut.Find($"[data-testid=colour-swatch][data-colour='{pink}']").GetAttribute("aria-checked"));
        Assert.Single(cut.FindAll("[data-testid=colour-swatch][aria-checked=true]"));
        Assert.Contains($"--source-color: {pink}", cut.Find("[data-testid=google-integration]").GetAttribute("style"));
        Assert.Equal(1, changed);
        var sources = await ActivatorUtilities.CreateInstance<SourceColors>(database.Services).ForUserAsync(userId);
        Assert.Equal(pink, sources.For(integration.Id).Color);
    }

    [Fact]
    public async Task DisconnectAsksFirstSayingWhatHappensToTheEventsAndKeepItDoesNothing()
    {
        await using var ctx = NewContext();
        var dialogs = ctx.Render<MudDialogProvider>();
        var (userId, integration) = await NewAsync();
        var cut = Render(ctx, userId, Status(integration));
        var disconnects = ctx.Services.GetRequiredService<RecordingDisconnect>();

        var asking = cut.Find("[data-testid=disconnect]").ClickAsync(new());
        var question = Text.Of(dialogs.WaitForElement(".mud-message-box"));
        Assert.Contains("Disconnect Work?", question);
        Assert.Contains("Its events stay in this app and in Google Calendar, but nothing is synced between them any more.", question);
        Assert.Contains("the app's access is revoked and its stored sign-in deleted", question);
        await dialogs.MessageBoxButton("Keep it").ClickAsync(new());
        await asking;
        Assert.Empty(disconnects.Stopped);
        Assert.Equal(IntegrationStatus.Active, (await database.IntegrationAsync(integration.Id)).Status);

        asking = cut.Find("[data-testid=disconnect]").ClickAsync(new());
        await dialogs.MessageBoxButton("Disconnect").ClickAsync(new());
        await asking;
        Assert.Equal([integration.Id], disconnects.Stopped);
        Assert.Equal(IntegrationStatus.Disconnected, (await database.IntegrationAsync(integration.Id)).Status);
        Assert.Contains(ctx.Services.GetRequiredService<ISnackbar>().ShownSnackbars, s => s.Message == "Disconnected Work. Its events stay in the app.");
    }

    [Fact]
    public async Task PauseShowsPausedAndOffersResumeWhichSyncsAgain()
    {
        await using var ctx = NewContext();
        var (userId, integration) = await NewAsync();
        var cut = Render(ctx, userId, Status(integration));

        await cut.Find("[data-testid=pause]").ClickAsync(new());
        Assert.True((await database.IntegrationAsync(integration.Id)).IsPaused);

        var paused = Render(ctx, userId, Status(integration) with { IsPaused = true });
        Assert.Equal("Paused", Text.Of(paused.Find("[data-testid=integration-state]")));
        Assert.NotNull(paused.Find("[data-testid=integration-sync-now]").GetAttribute("disabled"));
        Assert.Empty(paused.FindAll("[data-testid=pause]"));
        await paused.Find("[data-testid=resume]").ClickAsync(new());
        Assert.False((await database.IntegrationAsync(integration.Id)).IsPaused);
    }

    private BunitContext NewContext()
    {
        var ctx = new BunitContext();
        ctx.JSInterop.Mode = JSRuntimeMode.Loose;
        ctx.Services.AddMudServices();
        ctx.Services.AddSingleton(_ => ActivatorUtilities.CreateInstance<DisplaySettingsService>(database.Services));
        // The real controls over the real database; the provider's part (a channel, a revoke) is recorded instead.
        ctx.Services.AddSingleton<RecordingDisconnect>();
        ctx.Services.AddSingleton(sp => ActivatorUtilities.CreateInstance<IntegrationControls>(database.Services,
            new IProviderDisconnect[] { sp.GetRequiredService<RecordingDisconnect>() }, (IIntegrationPollSchedule)new NoPolls()));
        ctx.Services.AddFallbackServiceProvider(database.Services);
        ctx.Render<MudPopoverProvider>();
        return ctx;
    }

    private IRenderedComponent<IntegrationCard> Render(BunitContext ctx, Guid userId, IntegrationStatusDto status,
        Action? onChanged = null) =>
        ctx.Render<IntegrationCard>(p => p
            .Add(c => c.Integration, status)
            .Add(c => c.UserId, userId)
            .Add(c => c.Color, SourcePalette.Integrations[0])
            .Add(c => c.Format, EnGb)
            .Add(c => c.OnChanged, () => onChanged?.Invoke()));

    private async Task<(Guid UserId, Core.Domain.Integration Integration)> NewAsync()
    {
        var userId = await database.NewUserAsync();
        return (userId, await database.NewIntegrationAsync(userId, "Work"));
    }

    private static IntegrationStatusDto Status(Core.Domain.Integration i) => new(
        i.Id, i.Provider, i.DisplayName, i.ExternalId, SyncDirection.TwoWay, true, IntegrationStatus.Active, false, null, null, 0, 0,
        null, null, null, null, "work@example.com", null, false);

    private sealed class RecordingDisconnect : IProviderDisconnect
    {
        public List<Guid> Stopped { get; } = [];
        public Provider Provider => Provider.Google;
        public Task StopPushAsync(Core.Domain.Integration integration, CancellationToken ct) { Stopped.Add(integration.Id); return Task.CompletedTask; }
        public Task<GrantRevocation> RevokeAsync(ProviderCredential credential, CancellationToken ct) => Task.FromResult(new GrantRevocation(true));
    }

    private sealed class NoPolls : IIntegrationPollSchedule
    {
        public Task StartAsync(Guid integrationId, CancellationToken ct) => Task.CompletedTask;
        public Task StopAsync(Guid integrationId, CancellationToken ct) => Task.CompletedTask;
    }
}
