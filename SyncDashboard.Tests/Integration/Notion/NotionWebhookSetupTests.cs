using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using SyncDashboard.Core.Domain;
using SyncDashboard.Core.Notion;
using SyncDashboard.Core.Persistence;
using SyncDashboard.Core.Sync.Pull;
using SyncDashboard.Emulators.Notion;
using SyncDashboard.Tests.Infrastructure;
using SyncDashboard.Tests.Integration.Google;

namespace SyncDashboard.Tests.Integration.Notion;

/// <summary>A private app (no demo traffic, one delivery attempt per Notion event) whose warnings the tests read.</summary>
public sealed class WebhookSetupHost : IAsyncLifetime
{
    public CapturedLogs Logs { get; } = new() { MinimumLevel = LogLevel.Warning };
    public AppHost App { get; private set; } = default!;

    public async Task InitializeAsync() => App = await NotionTestKit.StartQuietHostAsync(
        new() { ["Emulators:Notion:WebhookMaxAttempts"] = "1" }, builder => builder.Logging.AddProvider(Logs));

    public async Task DisposeAsync() => await App.DisposeAsync();
}

/// <summary>
/// Notion webhook set-up cannot be hijacked (ADR 0011): the URL carries a per-integration secret, a verification token is
/// kept only while the owner has set-up open, and it signs deliveries only once the owner confirms it.
/// </summary>
public sealed class NotionWebhookSetupTests(WebhookSetupHost host) : IClassFixture<WebhookSetupHost>
{
    private readonly AppHost _app = host.App;
    private NotionWebhookSetup Setup => _app.Get<NotionWebhookSetup>();

    [Fact]
    public async Task AnonymousVerificationTokenIsKeptNowhereItsSignedEventsAreRefusedAndTheOwnersSetUpStillWorks()
    {
        var n = await _app.ConnectNotionAsync();
        _app.CreatePage(n, "Waiting in Notion", NotionValues.Date("2026-12-10")); // any pull would import it
        var oldUrl = $"{NotionWebhookService.WebhookPath}?integration={n.IntegrationId}";
        var newUrl = (await Setup.GetStateAsync(n.User.Id, n.IntegrationId, default)).Url;
        const string planted = "secret_planted_by_a_stranger";
        var warningsBefore = WebhookWarnings().Count;

        // The hostile run: the old URL named the integration and took the first token; the new one, outside set-up, takes none.
        var (oldStatus, oldProblem) = await PostAsync(oldUrl, Verification(planted));
        Assert.Equal(HttpStatusCode.NotFound, oldStatus);
        Assert.Contains("retired", oldProblem);
        var (newStatus, newProblem) = await PostAsync(newUrl, Verification(planted));
        Assert.Equal(HttpStatusCode.Conflict, newStatus);
        Assert.Contains("press \"Set up webhook\" on the Settings page first", newProblem);
        await AssertNothingStoredAsync(n);

        var evt = PageEvent(n, "page.created");
        var bytes = Encoding.UTF8.GetBytes(evt);
        for (var i = 0; i < 10; i++)
        {
            Assert.Equal(HttpStatusCode.Unauthorized, (await PostAsync(newUrl, evt, NotionWebhookService.Sign(planted, bytes))).Status);
            Assert.Equal(HttpStatusCode.NotFound, (await PostAsync(oldUrl, evt, NotionWebhookService.Sign(planted, bytes))).Status);
        }
        await AssertNothingStoredAsync(n);
        await AssertNoWebhookPullAsync(n);
        var refusals = WebhookWarnings().Skip(warningsBefore).ToList();
        Assert.Equal(22, refusals.Count); // two verification requests and twenty events, each one line
        Assert.All(refusals, e => Assert.Equal((LogLevel.Warning, (Exception?)null), (e.Level, e.Exception)));
        Assert.Contains(refusals, e => e.Message.Contains("set-up is not open", StringComparison.Ordinal));

        // The owner's own set-up afterwards: the same steps as on Settings, and Notion's edits arrive by webhook.
        var subscriptionId = await SetUpAsOwnerAsync(n);
        Assert.NotNull(subscriptionId);
        var confirmed = (await Setup.GetStateAsync(n.User.Id, n.IntegrationId, default)).ConfirmedToken;
        Assert.NotEqual(planted, confirmed);
        _app.CreatePage(n, "Signed by Notion", NotionValues.Date("2026-12-11"));
        await Eventually.TrueAsync(async () => (await _app.SyncRunsAsync(n.IntegrationId)).Any(r => r.Trigger == SyncTrigger.Webhook),
            "the genuine subscription's delivery pulled");
        await Eventually.TrueAsync(async () => (await _app.AppEventsAsync(n.User.Id)).Any(e => e.Title == "Signed by Notion"), "the page arrived");
    }

    [Fact]
    public async Task WrongOrMalformedUrlSecretIsRefusedEvenWithTheRightSignature()
    {
        var n = await _app.ConnectNotionAsync(withWebhook: true);
        var state = await Setup.GetStateAsync(n.User.Id, n.IntegrationId, default);
        await Setup.ArmAsync(n.User.Id, n.IntegrationId, default);
        var evt = PageEvent(n, "page.created");
        var signature = NotionWebhookService.Sign(state.ConfirmedToken!, Encoding.UTF8.GetBytes(evt));
        var key = state.Url[(state.Url.LastIndexOf('/') + 1)..];
        var wrongKey = NotionWebhookKey.New();
        var oneCharOff = key[..^1] + (key[^1] == 'A' ? 'B' : 'A');

        foreach (var url in new[] { wrongKey, oneCharOff, key[..^1], key + "A", "not-a-key", key.ToUpperInvariant() }.Select(k => $"{NotionWebhookService.WebhookPath}/{k}"))
        {
            Assert.Equal(HttpStatusCode.Unauthorized, (await PostAsync(url, evt, signature)).Status);
            Assert.Equal(HttpStatusCode.Unauthorized, (await PostAsync(url, Verification("secret_guess"))).Status);
        }
        await AssertNoWebhookPullAsync(n);
        var after = await Setup.GetStateAsync(n.User.Id, n.IntegrationId, default);
        Assert.Null(after.PendingToken);
        Assert.Equal(state.ConfirmedToken, after.ConfirmedToken);
        Assert.Equal(HttpStatusCode.OK, (await PostAsync(state.Url, evt, signature)).Status);
    }

    [Fact]
    public async Task TokenReceivedDuringSetUpIsPendingAndSignsNothingUntilTheOwnerConfirmsIt()
    {
        var n = await _app.ConnectNotionAsync();
        var armed = await Setup.ArmAsync(n.User.Id, n.IntegrationId, default);
        Assert.InRange(armed.SetupOpenUntil!.Value - DateTimeOffset.UtcNow, TimeSpan.FromMinutes(14), TimeSpan.FromMinutes(15));

        var before = DateTimeOffset.UtcNow.AddSeconds(-1);
        Assert.Equal(HttpStatusCode.OK, (await PostAsync(armed.Url, Verification("secret_first"))).Status);
        var pending = await Setup.GetStateAsync(n.User.Id, n.IntegrationId, default);
        Assert.Equal(("secret_first", (string?)null), (pending.PendingToken, pending.ConfirmedToken));
        Assert.InRange(pending.PendingReceivedAt!.Value, before, DateTimeOffset.UtcNow.AddSeconds(1));
        await AssertSealedAsync(n.IntegrationId, "secret_first");

        var evt = PageEvent(n, "page.created");
        var bytes = Encoding.UTF8.GetBytes(evt);
        Assert.Equal(HttpStatusCode.Unauthorized, (await PostAsync(armed.Url, evt, NotionWebhookService.Sign("secret_first", bytes))).Status);

        // A newer one replaces it while set-up is open; the page shows the latest, and only that one can be confirmed.
        Assert.Equal(HttpStatusCode.OK, (await PostAsync(armed.Url, Verification("secret_second"))).Status);
        Assert.Equal("secret_second", (await Setup.GetStateAsync(n.User.Id, n.IntegrationId, default)).PendingToken);
        await Assert.ThrowsAsync<SyncDashboard.Core.Common.ConcurrencyConflictException>(
            () => Setup.ConfirmAsync(n.User.Id, n.IntegrationId, "secret_first", default));
        Assert.Equal(HttpStatusCode.Unauthorized, (await PostAsync(armed.Url, evt, NotionWebhookService.Sign("secret_second", bytes))).Status);
        await AssertNoWebhookPullAsync(n);

        var confirmed = await Setup.ConfirmAsync(n.User.Id, n.IntegrationId, "secret_second", default);
        Assert.Equal(("secret_second", (string?)null, (DateTimeOffset?)null), (confirmed.ConfirmedToken, confirmed.PendingToken, confirmed.SetupOpenUntil));
        Assert.Equal(HttpStatusCode.Conflict, (await PostAsync(armed.Url, Verification("secret_third"))).Status); // confirming ended set-up
        Assert.Equal(HttpStatusCode.Unauthorized, (await PostAsync(armed.Url, evt, NotionWebhookService.Sign("secret_first", bytes))).Status);
        Assert.Equal(HttpStatusCode.OK, (await PostAsync(armed.Url, evt, NotionWebhookService.Sign("secret_second", bytes))).Status);
        await Eventually.TrueAsync(async () => (await _app.SyncRunsAsync(n.IntegrationId)).Any(r => r.Trigger == SyncTrigger.Webhook),
            "the confirmed token's delivery pulled");
    }

    [Fact]
    public async Task DiscardedTokenIsGoneAndTheGenuineOneCanStillArrive()
    {
        var n = await _app.ConnectNotionAsync();
        var armed = await Setup.ArmAsync(n.User.Id, n.IntegrationId, default);
        Assert.Equal(HttpStatusCode.OK, (await PostAsync(armed.Url, Verification("secret_not_mine"))).Status);

        var discarded = await Setup.DiscardPendingAsync(n.User.Id, n.IntegrationId, default);

        Assert.Equal(((string?)null, (DateTimeOffset?)null, (string?)null), (discarded.PendingToken, discarded.PendingReceivedAt, discarded.ConfirmedToken));
        Assert.NotNull(discarded.SetupOpenUntil);
        await AssertSealedAsync(n.IntegrationId, null);
        var subscription = await _app.Get<NotionEmulator>().CreateWebhookSubscriptionAsync(armed.Url, botId: n.Connection.BotId);
        Assert.True(subscription.VerificationDelivered);
        Assert.StartsWith("secret_", (await Setup.GetStateAsync(n.User.Id, n.IntegrationId, default)).PendingToken);
    }

    [Fact]
    public async Task SetUpRefusesTokensOnceItsWindowHasPassed()
    {
        var n = await _app.ConnectNotionAsync();
        var armed = await Setup.ArmAsync(n.User.Id, n.IntegrationId, default);
        await using (var db = await _app.Get<IDbContextFactory<AppDbContext>>().CreateDbContextAsync())
            await db.Integrations.Where(i => i.Id == n.IntegrationId)  // pressed "Set up webhook" 15 min and 1 s ago
                .ExecuteUpdateAsync(s => s.SetProperty(i => i.WebhookSetupUntil, DateTime.UtcNow.AddSeconds(-1)));

        Assert.Null((await Setup.GetStateAsync(n.User.Id, n.IntegrationId, default)).SetupOpenUntil);
        Assert.Equal(HttpStatusCode.Conflict, (await PostAsync(armed.Url, Verification("secret_late"))).Status);
        await AssertNothingStoredAsync(n);
    }

    [Fact]
    public async Task NewWebhookUrlEndsTheOldSubscriptionAndANewOneWorks()
    {
        var n = await _app.ConnectNotionAsync(withWebhook: true);
        var emulator = _app.Get<NotionEmulator>();
        var oldUrl = (await Setup.GetStateAsync(n.User.Id, n.IntegrationId, default)).Url;

        var rotated = await Setup.NewUrlAsync(n.User.Id, n.IntegrationId, default);

        Assert.NotEqual(oldUrl, rotated.Url);
        Assert.Equal(((string?)null, (string?)null), (rotated.ConfirmedToken, rotated.PendingToken));
        // The old subscription still delivers to the old URL, and is refused there.
        var failedBefore = FailedDeliveries(emulator);
        _app.CreatePage(n, "Sent to the old URL", NotionValues.Date("2026-12-12"));
        await Eventually.TrueAsync(() => FailedDeliveries(emulator) > failedBefore, "the old subscription's delivery was refused");
        await AssertNoWebhookPullAsync(n);

        emulator.DeleteWebhook(n.WebhookSubscriptionId!);
        Assert.NotNull(await SetUpAsOwnerAsync(n));
        _app.CreatePage(n, "Sent to the new URL", NotionValues.Date("2026-12-13"));
        await Eventually.TrueAsync(async () => (await _app.SyncRunsAsync(n.IntegrationId)).Any(r => r.Trigger == SyncTrigger.Webhook),
            "the new subscription's delivery pulled");
    }

    /// <summary>What the owner does on Settings: open set-up, subscribe in Notion, confirm the token, paste it into Notion.</summary>
    private async Task<string?> SetUpAsOwnerAsync(NotionAccount n)
    {
        var armed = await Setup.ArmAsync(n.User.Id, n.IntegrationId, default);
        var emulator = _app.Get<NotionEmulator>();
        var subscription = await emulator.CreateWebhookSubscriptionAsync(armed.Url, botId: n.Connection.BotId);
        var token = (await Setup.GetStateAsync(n.User.Id, n.IntegrationId, default)).PendingToken;
        if (token is null) return null;
        await Setup.ConfirmAsync(n.User.Id, n.IntegrationId, token, default);
        return emulator.VerifyWebhook(subscription.Id, token) ? subscription.Id : null;
    }

    private List<CapturedLog> WebhookWarnings() => host.Logs.Entries
        .Where(e => e.Level >= LogLevel.Warning && e.Category == typeof(NotionWebhookService).FullName).ToList();

    private static long FailedDeliveries(NotionEmulator emulator)
    {
        var stats = emulator.GetStats();
        return stats.WebhookDeliveryAttempts - stats.WebhookDeliveriesSucceeded;
    }

    private async Task AssertNothingStoredAsync(NotionAccount n)
    {
        var state = await Setup.GetStateAsync(n.User.Id, n.IntegrationId, default);
        Assert.Equal(((string?)null, (string?)null), (state.PendingToken, state.ConfirmedToken));
        await AssertSealedAsync(n.IntegrationId, null);
    }

    /// <summary>The pending token is in the row sealed, never as it came (or absent when <paramref name="token"/> is null).</summary>
    private async Task AssertSealedAsync(Guid integrationId, string? token)
    {
        var row = await _app.IntegrationAsync(integrationId);
        if (token is null) Assert.Null(row.WebhookPendingTokenProtected);
        else Assert.DoesNotContain(token, row.WebhookPendingTokenProtected);
    }

    /// <summary>
    /// Sentinel: a pull requested through the queue the webhook endpoint feeds. A pull a refused delivery had queued would
    /// still be waiting (this one would fold into it and return false) or would have run first, recorded as a webhook run.
    /// </summary>
    private async Task AssertNoWebhookPullAsync(NotionAccount n)
    {
        var runsBefore = (await _app.SyncRunsAsync(n.IntegrationId)).Count;
        Assert.True(_app.Get<PullQueue>().Request(n.IntegrationId, SyncTrigger.Manual), "a refused delivery left a pull waiting");
        await Eventually.TrueAsync(async () => (await _app.SyncRunsAsync(n.IntegrationId)).Skip(runsBefore).Any(r => r.Trigger == SyncTrigger.Manual),
            "the sentinel pull is recorded");
        Assert.DoesNotContain(await _app.SyncRunsAsync(n.IntegrationId), r => r.Trigger == SyncTrigger.Webhook);
    }

    private async Task<(HttpStatusCode Status, string Problem)> PostAsync(string url, string body, string? signature = null)
    {
        using var anonymous = _app.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        if (signature is not null) request.Headers.Add("X-Notion-Signature", signature);
        using var response = await anonymous.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        var problem = text.Length > 0 && JsonNode.Parse(text) is JsonObject json && json["detail"] is { } detail ? detail.GetValue<string>() : text;
        return (response.StatusCode, problem);
    }

    private static string Verification(string token) => new JsonObject { ["verification_token"] = token }.ToJsonString();

    private static string PageEvent(NotionAccount n, string type) => new JsonObject
    {
        ["id"] = Guid.NewGuid().ToString(), ["timestamp"] = "2026-12-01T10:00:00.000Z", ["workspace_id"] = n.Workspace.Id,
        ["type"] = type, ["attempt_number"] = 1,
        ["entity"] = new JsonObject { ["id"] = Guid.NewGuid().ToString(), ["type"] = "page" },
        ["data"] = new JsonObject { ["parent"] = new JsonObject { ["id"] = n.Database.Id, ["type"] = "database" } },
    }.ToJsonString();
}
